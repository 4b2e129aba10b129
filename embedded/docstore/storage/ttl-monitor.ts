// Deletes documents whose TTL index date has passed, as mongod's TTL monitor does (every 60 s by default).
// The date range comes from the index itself, so a sweep touches only expired documents.
import { keyPart, typeEdge } from './key-order';
import type { JournalRecord } from './journal-record';
import type { Store } from './store';

export async function sweepExpired(store: Store, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const db of store.databases.values()) {
    const records: JournalRecord[] = [];
    for (const collection of db.collections.values()) {
      for (const index of collection.indexes.values()) {
        const seconds = index.spec.expireAfterSeconds;
        if (seconds === undefined || index.fields.length !== 1) continue;
        const cutoff = new Date(now - seconds * 1000);
        const ids = new Set<string>();
        const bounds = {
          low: typeEdge(cutoff, -1),
          lowInclusive: true,
          high: keyPart(cutoff),
          highInclusive: false,
        };
        index.lookup([[bounds]], ids);
        for (const id of ids) {
          const doc = collection.docs.get(id);
          if (!doc) continue;
          collection.remove(doc);
          records.push({ t: 'r', c: collection.name, id: doc._id });
          removed += 1;
        }
      }
    }
    await db.persist(records);
  }
  return removed;
}

export function startTtlMonitor(store: Store, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => sweepExpired(store))
      .catch((error: unknown) => console.error('docstore: TTL sweep failed', error));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
