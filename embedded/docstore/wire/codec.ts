// MongoDB wire protocol framing: the legacy OP_QUERY the driver uses for its first handshake, OP_MSG (with
// kind-1 document sequences) for everything else, and the matching OP_REPLY / OP_MSG answers.
import { deserialize, serialize, type Document } from 'bson';
import { CommandError } from '../errors';

export const opCodes = { reply: 1, query: 2004, compressed: 2012, msg: 2013 } as const;
const checksumPresent = 1;
export const moreToCome = 2;
/** Incoming messages may carry a 16 MB document plus command overhead; the driver caps batches at 48 MB. */
export const maxMessageSizeBytes = 48_000_000;
export const maxBsonObjectSize = 16 * 1024 * 1024;

/** Documents keep their BSON types (Long stays Long) so they round-trip unchanged. */
export const bsonReadOptions = { promoteLongs: false } as const;

export interface IncomingCommand {
  requestId: number;
  opCode: number;
  /** OP_MSG flags; a client sending moreToCome expects no answer (unacknowledged writes). */
  flags: number;
  command: Document;
}

export function parseMessage(frame: Buffer): IncomingCommand {
  const requestId = frame.readInt32LE(4);
  const opCode = frame.readInt32LE(12);
  if (opCode === opCodes.msg) return { requestId, opCode, ...parseOpMsg(frame) };
  if (opCode === opCodes.query) return { requestId, opCode, flags: 0, command: parseOpQuery(frame) };
  throw new CommandError('NotImplemented', `unsupported wire opCode ${opCode}`);
}

function parseOpMsg(frame: Buffer): { flags: number; command: Document } {
  const flags = frame.readUInt32LE(16);
  const end = flags & checksumPresent ? frame.length - 4 : frame.length;
  let offset = 20;
  let command: Document | undefined;
  const sequences: Record<string, Document[]> = {};
  while (offset < end) {
    const kind = frame.readUInt8(offset);
    offset += 1;
    if (kind === 0) {
      const size = frame.readInt32LE(offset);
      command = deserialize(frame.subarray(offset, offset + size), bsonReadOptions);
      offset += size;
    } else if (kind === 1) {
      const size = frame.readInt32LE(offset);
      const sectionEnd = offset + size;
      const nameEnd = frame.indexOf(0, offset + 4);
      const identifier = frame.toString('utf8', offset + 4, nameEnd);
      let cursor = nameEnd + 1;
      const documents: Document[] = [];
      while (cursor < sectionEnd) {
        const docSize = frame.readInt32LE(cursor);
        documents.push(deserialize(frame.subarray(cursor, cursor + docSize), bsonReadOptions));
        cursor += docSize;
      }
      sequences[identifier] = documents;
      offset = sectionEnd;
    } else {
      throw new CommandError('BadValue', `Unknown section kind ${kind}`);
    }
  }
  if (!command) throw new CommandError('BadValue', 'OP_MSG has no body section');
  for (const [identifier, documents] of Object.entries(sequences)) command[identifier] = documents;
  return { flags, command };
}

function parseOpQuery(frame: Buffer): Document {
  const nameEnd = frame.indexOf(0, 20);
  const collection = frame.toString('utf8', 20, nameEnd);
  const queryStart = nameEnd + 1 + 8;
  const size = frame.readInt32LE(queryStart);
  let query = deserialize(frame.subarray(queryStart, queryStart + size), bsonReadOptions);
  if (query.$query && typeof query.$query === 'object') query = query.$query as Document;
  const db = collection.endsWith('.$cmd') ? collection.slice(0, -5) : 'admin';
  return { ...query, $db: db };
}

function header(length: number, requestId: number, responseTo: number, opCode: number): Buffer {
  const head = Buffer.alloc(16);
  head.writeInt32LE(length, 0);
  head.writeInt32LE(requestId, 4);
  head.writeInt32LE(responseTo, 8);
  head.writeInt32LE(opCode, 12);
  return head;
}

export function encodeReply(requestId: number, responseTo: number, opCode: number, body: Document): Buffer {
  const payload = serialize(body);
  if (opCode === opCodes.query) {
    const fields = Buffer.alloc(20);
    fields.writeInt32LE(0, 0); // responseFlags
    fields.writeBigInt64LE(0n, 4); // cursorID
    fields.writeInt32LE(0, 12); // startingFrom
    fields.writeInt32LE(1, 16); // numberReturned
    const length = 16 + fields.length + payload.length;
    return Buffer.concat([header(length, requestId, responseTo, opCodes.reply), fields, payload]);
  }
  const flagsAndKind = Buffer.alloc(5);
  const length = 16 + flagsAndKind.length + payload.length;
  return Buffer.concat([header(length, requestId, responseTo, opCodes.msg), flagsAndKind, payload]);
}
