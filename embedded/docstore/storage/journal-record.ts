// The records the journal holds, and how replaying one changes a database. An update is journalled as the
// whole new document, so replay never re-runs update operators.
import type { Document } from 'bson';
import { Collection } from './collection';
import type { Database } from './database';
import type { IndexSpec } from './index-spec';

export type JournalRecord =
  | { t: 'cc'; c: string; o: Document }
  | { t: 'dc'; c: string }
  | { t: 'ci'; c: string; s: IndexSpec }
  | { t: 'di'; c: string; n: string }
  | { t: 'i'; c: string; d: Document }
  | { t: 'u'; c: string; d: Document }
  | { t: 'r'; c: string; id: unknown }
  | { t: 'dd' };

export function applyRecord(db: Database, record: JournalRecord): void {
  if (record.t === 'dd') {
    db.collections.clear();
    return;
  }
  if (record.t === 'dc') {
    db.collections.delete(record.c);
    return;
  }
  let collection = db.collections.get(record.c);
  if (!collection) {
    collection = new Collection(db.name, record.c, record.t === 'cc' ? record.o : {});
    db.collections.set(record.c, collection);
  }
  switch (record.t) {
    case 'ci':
      collection.createIndex(record.s);
      break;
    case 'di':
      collection.indexes.delete(record.n);
      break;
    case 'i':
    case 'u': {
      const previous = collection.get(record.d._id);
      if (previous) collection.replace(previous, record.d);
      else collection.insert(record.d);
      break;
    }
    case 'r': {
      const doc = collection.get(record.id);
      if (doc) collection.remove(doc);
      break;
    }
    default:
      break;
  }
}
