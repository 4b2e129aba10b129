// One database's files under dbpath/<db>/: `snapshot.bson` (a compacted image of generation G) and
// `journal.<G>.log`, `journal.<G+1>.log`, ... with every change since. Start-up loads the snapshot and
// replays the journals of its generation and later; compaction writes a new snapshot while new writes go to
// the next journal, then deletes the journals the snapshot covers.
import { mkdir, open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Database, Persistence } from './database';
import { decodeFrames, encodeFrame } from './frames';
import { Journal } from './journal';
import { applyRecord, type JournalRecord } from './journal-record';

const snapshotName = 'snapshot.bson';
const journalPattern = /^journal\.(\d+)\.log$/;
/** Compact once the journal outgrows both this and the last snapshot: start-up replays at most about that. */
const minCompactionBytes = 64 * 1024 * 1024;
const snapshotChunk = 2000;

export class DatabaseFiles implements Persistence {
  private journal: Journal | undefined;
  private generation = 0;
  private snapshotBytes = 0;
  private compacting: Promise<void> | undefined;

  constructor(
    readonly dir: string,
    private readonly db: Database,
  ) {}

  /** Loads whatever is on disk into the database and opens the journal for appending. */
  async load(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const snapshotPath = path.join(this.dir, snapshotName);
    const snapshot = await readFile(snapshotPath).catch(() => undefined);
    if (snapshot) {
      const { records } = decodeFrames(snapshot);
      const [head, ...rest] = records;
      if (head?.t === 'snap') this.generation = Number(head.gen);
      this.replay(rest as JournalRecord[]);
      this.snapshotBytes = snapshot.length;
    }
    const journals = (await readdir(this.dir))
      .map((name) => ({ name, gen: Number(journalPattern.exec(name)?.[1] ?? -1) }))
      .filter((j) => j.gen >= 0)
      .sort((a, b) => a.gen - b.gen);
    let current = { gen: this.generation, validLength: 0 };
    for (const journal of journals) {
      const file = path.join(this.dir, journal.name);
      if (journal.gen < this.generation) {
        await rm(file, { force: true });
        continue;
      }
      const { records, validLength } = decodeFrames(await readFile(file));
      this.replay(records as JournalRecord[]);
      current = { gen: journal.gen, validLength };
    }
    this.generation = current.gen;
    this.journal = await this.openJournal(current.gen, current.validLength);
    if (this.journal.bytes > Math.max(minCompactionBytes, this.snapshotBytes)) await this.compact();
  }

  append(records: JournalRecord[]): Promise<void> {
    if (!this.journal) return Promise.reject(new Error(`journal of ${this.db.name} is closed`));
    return this.journal.append(records);
  }

  async close(): Promise<void> {
    await this.compacting;
    const journal = this.journal;
    this.journal = undefined;
    await journal?.close();
  }

  /**
   * Writes the current state as a new snapshot. The state and the journal switch are taken in one
   * synchronous step: every change before it is in the snapshot, every change after it in the new journal.
   */
  compact(): Promise<void> {
    this.compacting ??= this.writeSnapshot().finally(() => {
      this.compacting = undefined;
    });
    return this.compacting;
  }

  private replay(records: JournalRecord[]): void {
    for (const record of records) {
      try {
        applyRecord(this.db, record);
      } catch (error) {
        console.warn(`docstore: skipped journal record of ${this.db.name}:`, (error as Error).message);
      }
    }
  }

  private async openJournal(gen: number, validLength: number): Promise<Journal> {
    const file = path.join(this.dir, `journal.${gen}.log`);
    const handle = await open(file, 'a+', 0o600).then(async (h) => {
      await h.close();
      return open(file, 'r+');
    });
    const size = (await handle.stat()).size;
    // A torn last record from a crash is cut off so new records follow the last intact one.
    if (size > validLength) {
      await handle.truncate(validLength);
      await handle.datasync();
    }
    return new Journal(handle, validLength, () => this.maybeCompact());
  }

  private maybeCompact(): void {
    const journal = this.journal;
    if (!journal || this.compacting) return;
    if (journal.bytes > Math.max(minCompactionBytes, this.snapshotBytes))
      this.compact().catch((error: unknown) =>
        console.error(`docstore: compaction of ${this.db.name} failed`, error),
      );
  }

  private async writeSnapshot(): Promise<void> {
    const nextGen = this.generation + 1;
    const nextJournal = await this.openJournal(nextGen, 0);
    const previous = this.journal;
    if (!previous) {
      await nextJournal.close();
      return;
    }
    // Synchronous from here to the switch.
    const image = [...this.db.collections.values()].map((c) => ({
      name: c.name,
      options: c.options,
      indexes: [...c.indexes.values()].map((i) => i.spec),
      docs: [...c.docs.values()],
    }));
    this.journal = nextJournal;
    this.generation = nextGen;
    await previous.close();

    const tmp = path.join(this.dir, `${snapshotName}.tmp`);
    const out: FileHandle = await open(tmp, 'w', 0o600);
    try {
      let frames: Buffer[] = [encodeFrame({ t: 'snap', gen: nextGen })];
      const flush = async () => {
        const chunk = Buffer.concat(frames);
        frames = [];
        await out.write(chunk);
      };
      for (const c of image) {
        frames.push(encodeFrame({ t: 'cc', c: c.name, o: c.options }));
        for (const spec of c.indexes) frames.push(encodeFrame({ t: 'ci', c: c.name, s: spec }));
        for (const doc of c.docs) {
          frames.push(encodeFrame({ t: 'i', c: c.name, d: doc }));
          if (frames.length >= snapshotChunk) await flush();
        }
      }
      await flush();
      await out.datasync();
    } finally {
      await out.close();
    }
    await rename(tmp, path.join(this.dir, snapshotName));
    await syncDirectory(this.dir);
    this.snapshotBytes = (await stat(path.join(this.dir, snapshotName))).size;
    for (const name of await readdir(this.dir)) {
      const gen = Number(journalPattern.exec(name)?.[1] ?? -1);
      if (gen >= 0 && gen < nextGen) await rm(path.join(this.dir, name), { force: true });
    }
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
