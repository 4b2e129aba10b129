// Snapshots: the whole engine state at a log sequence number, written atomically (tmp + fsync + rename): a first
// line `{"seq":N,"lines":true}`, then one JSON line per field of the state (snapshot-json.ts). A snapshot written
// before that is one JSON document `{"seq":N,"state":{…}}`, still read.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { EngineState } from '../engine/state';
import { parseStateLines } from './snapshot-json';

export interface Snapshot {
  seq: number;
  state: EngineState;
}

const FILE = 'snapshot.json';

export async function readSnapshot(dir: string): Promise<Snapshot | undefined> {
  try {
    const bytes = await fs.readFile(path.join(dir, FILE));
    const firstEnd = bytes.indexOf(0x0a);
    if (firstEnd < 0) return JSON.parse(bytes.toString('utf8')) as Snapshot;
    const head = JSON.parse(bytes.toString('utf8', 0, firstEnd)) as { seq: number; lines?: boolean };
    if (!head.lines) return JSON.parse(bytes.toString('utf8')) as Snapshot;
    return { seq: head.seq, state: parseStateLines(bytes, firstEnd + 1) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** `state` is the state's JSON lines in chunks (SnapshotJson), written as they are rather than joined first. */
export async function writeSnapshot(dir: string, seq: number, state: Buffer[]): Promise<void> {
  const tmp = path.join(dir, `${FILE}.tmp`);
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    const chunks = [Buffer.from(`{"seq":${seq},"lines":true}\n`), ...state];
    const { bytesWritten } = await handle.writev(chunks);
    const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    if (bytesWritten !== size) throw new Error(`snapshot write stopped at ${bytesWritten} of ${size} bytes`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, path.join(dir, FILE));
  const dirHandle = await fs.open(dir, 'r');
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}

/** Deletes log segments whose records are all covered by the snapshot at `seq`. */
export async function dropCoveredSegments(dir: string, seq: number): Promise<void> {
  const files = (await fs.readdir(dir)).filter((f) => /^log-\d+\.jsonl$/.test(f)).sort();
  for (let i = 0; i < files.length - 1; i++) {
    const nextStart = Number(/\d+/.exec(files[i + 1] as string)?.[0]);
    if (nextStart <= seq + 1) await fs.unlink(path.join(dir, files[i] as string));
  }
}
