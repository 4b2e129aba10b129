// Starts the compaction worker (compaction-worker.ts) on its own thread and waits for the snapshot it writes.
// The worker is TypeScript run without a build, so its thread loads tsx's require hook first.
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const WORKER = path.join(__dirname, `compaction-worker${path.extname(__filename)}`);

/** Writes the snapshot at `seq` from the data dir's snapshot and log, off the calling thread. */
export function compactInWorker(dataDir: string, seq: number): Promise<void> {
  const source = WORKER.endsWith('.ts')
    ? `require('tsx/cjs'); require(${JSON.stringify(WORKER)});`
    : `require(${JSON.stringify(WORKER)});`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { dataDir, seq } });
    let answered = false;
    worker.once('message', (message: { done?: true; error?: string }) => {
      answered = true;
      void worker.terminate();
      if (message.done) resolve();
      else reject(new Error(`snapshot at ${seq} failed: ${message.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered)
        reject(new Error(`the compaction worker exited with ${code} before writing the snapshot`));
    });
  });
}
