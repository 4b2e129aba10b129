// The compaction worker thread: rebuilds the state at a log sequence number from the last snapshot and the log
// (as recovery does), writes it as the new snapshot and exits. The serving thread never encodes its live state.
import { parentPort, workerData } from 'node:worker_threads';
import { setFeelClock, setFeelRecovering } from './feel';
import { Engine } from './engine/engine';
import { recoverInto } from './recovery';
import { writeSnapshot } from './store/snapshot';
import { SnapshotJson } from './store/snapshot-json';

async function compact({ dataDir, seq }: { dataDir: string; seq: number }): Promise<void> {
  const engine = new Engine();
  setFeelClock(() => engine.now);
  setFeelRecovering(true);
  const reached = await recoverInto(engine, dataDir, {}, seq);
  if (reached !== seq) throw new Error(`the log ends at ${reached}, not at ${seq}`);
  await writeSnapshot(dataDir, seq, new SnapshotJson().serialise(engine));
}

compact(workerData as { dataDir: string; seq: number }).then(
  () => parentPort?.postMessage({ done: true }),
  (error: unknown) =>
    parentPort?.postMessage({ error: error instanceof Error ? error.stack : String(error) }),
);
