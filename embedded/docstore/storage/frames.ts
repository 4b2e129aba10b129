// On-disk framing shared by journal and snapshot files: [u32 payload length][u32 crc32][BSON payload].
// A frame whose length runs past the end of the file or whose checksum fails marks a torn tail.
import { crc32 } from 'node:zlib';
import { deserialize, serialize, type Document } from 'bson';
import { bsonReadOptions } from '../wire/codec';

export function encodeFrame(record: Document): Buffer {
  const payload = serialize(record);
  const head = Buffer.alloc(8);
  head.writeUInt32LE(payload.length, 0);
  head.writeUInt32LE(crc32(payload), 4);
  return Buffer.concat([head, payload]);
}

/** The intact records at the start of `data`, and how many bytes they span. */
export function decodeFrames(data: Buffer): { records: Document[]; validLength: number } {
  const records: Document[] = [];
  let offset = 0;
  while (offset + 8 <= data.length) {
    const length = data.readUInt32LE(offset);
    const checksum = data.readUInt32LE(offset + 4);
    const end = offset + 8 + length;
    if (length < 5 || end > data.length) break;
    const payload = data.subarray(offset + 8, end);
    if (crc32(payload) !== checksum) break;
    try {
      records.push(deserialize(payload, bsonReadOptions));
    } catch {
      break;
    }
    offset = end;
  }
  return { records, validLength: offset };
}
