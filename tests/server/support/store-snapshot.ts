// What is in the store, to prove a refused request wrote nothing: collection counts (quick), and every document
// of every collection (GridFS files and chunks included) as the raw BSON the driver reads, compared byte for byte.
import mongoose from 'mongoose';
import { allModels } from '../../../server/models/sync-indexes';

export async function storeCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of allModels) counts[model.modelName] = await model.collection.countDocuments({});
  return counts;
}

/** Collection name → its documents by _id (canonical Extended JSON), each as the BSON bytes the store sent. */
export type StoreSnapshot = Record<string, Map<string, Uint8Array>>;

/**
 * Documents are read raw (the driver does not decode them), so any change shows: a value, a BSON type (int32 vs
 * double, Date vs string), the order of fields. No field is ignored: nothing in the store changes on a refused
 * request (a session has no last-seen time; the rate limiters count in memory).
 */
export async function storeSnapshot(): Promise<StoreSnapshot> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected to the store');
  const { EJSON, deserialize } = mongoose.mongo.BSON;
  const snapshot: StoreSnapshot = {};
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  for (const { name } of collections.sort((a, b) => a.name.localeCompare(b.name))) {
    const documents = (await db
      .collection(name)
      .find({}, { raw: true })
      .toArray()) as unknown as Uint8Array[];
    snapshot[name] = new Map(
      documents.map((bytes) => [
        EJSON.stringify(deserialize(bytes, { promoteValues: false })._id, { relaxed: false }),
        bytes,
      ]),
    );
  }
  return snapshot;
}

export interface StoreChange {
  collection: string;
  _id: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** Every document added, removed or changed between two snapshots (empty when the store is as it was). */
export function storeChanges(before: StoreSnapshot, after: StoreSnapshot): StoreChange[] {
  const changes: StoreChange[] = [];
  const { EJSON, deserialize } = mongoose.mongo.BSON;
  const readable = (bytes: Uint8Array | undefined) =>
    bytes && JSON.parse(EJSON.stringify(deserialize(bytes, { promoteValues: false }), { relaxed: false }));
  const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
    !!a && !!b && Buffer.from(a).equals(Buffer.from(b));
  for (const collection of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[collection] ?? new Map<string, Uint8Array>();
    const is = after[collection] ?? new Map<string, Uint8Array>();
    for (const id of new Set([...was.keys(), ...is.keys()])) {
      const [old, now] = [was.get(id), is.get(id)];
      if (same(old, now)) continue;
      changes.push({
        collection,
        _id: id,
        change: old === undefined ? 'added' : now === undefined ? 'removed' : 'changed',
        ...(old !== undefined ? { before: readable(old) } : {}),
        ...(now !== undefined ? { after: readable(now) } : {}),
      });
    }
  }
  return changes;
}
