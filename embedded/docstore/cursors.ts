// Open cursors: the rest of a result set, handed out by getMore in batches until exhausted or killed.
import { calculateObjectSize, Long, type Document } from 'bson';
import { CommandError } from './errors';

interface OpenCursor {
  namespace: string;
  docs: Document[];
  position: number;
}

/** A reply must stay under 16 MB of documents per batch, like mongod's. */
const maxBatchBytes = 16 * 1024 * 1024;

export class CursorRegistry {
  private readonly open = new Map<string, OpenCursor>();
  private nextId = BigInt(Date.now()) * 1000n;

  /** The first batch and cursor id (0 when everything fit) for a full result. */
  start(namespace: string, docs: Document[], batchSize: number | undefined, singleBatch = false): Document {
    const cursor: OpenCursor = { namespace, docs, position: 0 };
    const firstBatch = takeBatch(cursor, batchSize ?? 101);
    let id = Long.ZERO;
    if (cursor.position < docs.length && !singleBatch) {
      this.nextId += 1n;
      id = Long.fromBigInt(this.nextId);
      this.open.set(id.toString(), cursor);
    }
    return { cursor: { firstBatch, id, ns: namespace }, ok: 1 };
  }

  more(namespace: string, id: Long, batchSize: number | undefined): Document {
    const key = id.toString();
    const cursor = this.open.get(key);
    if (!cursor || cursor.namespace !== namespace)
      throw new CommandError('CursorNotFound', `cursor id ${key} not found`);
    const nextBatch = takeBatch(cursor, batchSize ?? Number.MAX_SAFE_INTEGER);
    const done = cursor.position >= cursor.docs.length;
    if (done) this.open.delete(key);
    return { cursor: { nextBatch, id: done ? Long.ZERO : id, ns: namespace }, ok: 1 };
  }

  kill(ids: Long[]): { killed: Long[]; notFound: Long[] } {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const id of ids) (this.open.delete(id.toString()) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  clear(): void {
    this.open.clear();
  }
}

/**
 * The next documents up to `batchSize` and 16 MB. The first document always goes, whatever its size, so sizes
 * are only added up once a second one is on the way (a findOne or a by-code lookup never measures its answer).
 */
function takeBatch(cursor: OpenCursor, batchSize: number): Document[] {
  const limit = batchSize > 0 ? batchSize : Number.MAX_SAFE_INTEGER;
  const batch: Document[] = [];
  let bytes = 0;
  while (cursor.position < cursor.docs.length && batch.length < limit) {
    const doc = cursor.docs[cursor.position] as Document;
    if (batch.length > 0) {
      if (batch.length === 1) bytes = calculateObjectSize(batch[0] as Document);
      bytes += calculateObjectSize(doc);
      if (bytes > maxBatchBytes) break;
    }
    batch.push(doc);
    cursor.position += 1;
  }
  return batch;
}
