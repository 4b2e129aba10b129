// Opens the store at dbpath: every database directory found there is loaded (snapshot + journals), and
// databases created later get their own directory and journal.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Database } from './database';
import { DatabaseFiles } from './database-files';
import { Store, type StoreBackend } from './store';

export async function openStore(dbpath: string): Promise<Store> {
  const files = new Map<string, DatabaseFiles>();
  const backend: StoreBackend = {
    async attach(db: Database) {
      const dbFiles = new DatabaseFiles(path.join(dbpath, db.name), db);
      await dbFiles.load();
      files.set(db.name, dbFiles);
      db.persistence = dbFiles;
    },
    async destroy(name: string) {
      const dbFiles = files.get(name);
      files.delete(name);
      await dbFiles?.close();
      await rm(path.join(dbpath, name), { recursive: true, force: true });
    },
    async close() {
      await Promise.all([...files.values()].map((f) => f.close()));
      files.clear();
    },
  };
  const store = new Store(backend);
  const entries = await readdir(dbpath, { withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const names = await readdir(path.join(dbpath, entry.name));
    if (!names.some((n) => n === 'snapshot.bson' || /^journal\.\d+\.log$/.test(n))) continue;
    await store.ensureDatabase(entry.name);
  }
  return store;
}
