// The worker process's heartbeat: its row in `workerheartbeats`, rewritten every few seconds, which /api/health
// reads to say which worker processes are alive. Closing removes the row; a killed process's row goes stale.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Logger } from '../server/config/logger';
import {
  HEARTBEAT_INTERVAL_MS,
  heartbeatExpiry,
  WorkerHeartbeatModel,
} from '../server/models/WorkerHeartbeat';

export function startWorkerHeartbeat(options: { logger: Logger; intervalMs?: number }) {
  const intervalMs = options.intervalMs ?? HEARTBEAT_INTERVAL_MS;
  const id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const startedAt = new Date();
  let failing = false;
  const beat = async () => {
    const at = new Date();
    try {
      await WorkerHeartbeatModel.updateOne(
        { _id: id },
        {
          $set: { lastBeatAt: at, expiresAt: heartbeatExpiry(at), intervalMs },
          $setOnInsert: { host: os.hostname(), pid: process.pid, startedAt },
        },
        { upsert: true },
      );
      failing = false;
    } catch (error) {
      // One line when beats start failing, not one every few seconds.
      if (!failing) options.logger.warn('worker heartbeat failed', { error: String(error) });
      failing = true;
    }
  };
  // The beat in flight is awaited before the row is removed, so a late upsert cannot bring it back.
  // A slow store skips beats rather than queueing them.
  let inFlight: Promise<void> | undefined = beat().finally(() => (inFlight = undefined));
  const timer = setInterval(() => {
    inFlight ??= beat().finally(() => (inFlight = undefined));
  }, intervalMs);
  timer.unref();
  return {
    id,
    async close() {
      clearInterval(timer);
      await inFlight;
      await WorkerHeartbeatModel.deleteOne({ _id: id }).catch(() => undefined);
    },
  };
}
