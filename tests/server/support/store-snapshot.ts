// What is in the store, to prove a refused request wrote nothing: collection counts (quick), and every document
// of every collection (GridFS files and chunks included) read through the driver, for a byte-for-byte comparison.
import mongoose from 'mongoose';
import { allModels } from '../../../server/models/sync-indexes';

export async function storeCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of allModels) counts[model.modelName] = await model.collection.countDocuments({});
  return counts;
}

/** Collection name → its documents sorted by _id, each as canonical Extended JSON. */
export type StoreSnapshot = Record<string, Map<string, string>>;

/**
 * Canonical EJSON keeps what a deep-equal of decoded objects would lose: BSON types (int32 vs double, Date vs
 * string, ObjectId vs its hex) and field order. No field is ignored: nothing in the store changes on a request
 * that is refused (a session has no last-seen time; the rate limiters count in memory).
 */
export async function storeSnapshot(): Promise<StoreSnapshot> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected to the store');
  const { EJSON } = mongoose.mongo.BSON;
  const snapshot: StoreSnapshot = {};
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  for (const { name } of collections.sort((a, b) => a.name.localeCompare(b.name))) {
    const documents = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    snapshot[name] = new Map(
      documents.map((document) => [
        EJSON.stringify(document._id, { relaxed: false }),
        EJSON.stringify(document, { relaxed: false }),
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
  const parse = (text: string | undefined) => (text === undefined ? undefined : JSON.parse(text));
  for (const collection of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[collection] ?? new Map<string, string>();
    const is = after[collection] ?? new Map<string, string>();
    for (const id of new Set([...was.keys(), ...is.keys()])) {
      const [old, now] = [was.get(id), is.get(id)];
      if (old === now) continue;
      changes.push({
        collection,
        _id: id,
        change: old === undefined ? 'added' : now === undefined ? 'removed' : 'changed',
        ...(old !== undefined ? { before: parse(old) } : {}),
        ...(now !== undefined ? { after: parse(now) } : {}),
      });
    }
  }
  return changes;
}
