// WorkerHeartbeat: one row per running job-worker process, rewritten every few seconds, so /api/health can say
// which workers are alive; a row whose process died is dropped by the TTL index.
import { Schema, model, type InferSchemaType } from 'mongoose';

/** How often a worker process writes its row. */
export const HEARTBEAT_INTERVAL_MS = 5_000;
/** A worker that missed this many beats is reported dead; its row expires a while later. */
export const MISSED_BEATS_DEAD = 3;
const ROW_LIFETIME_MS = 10 * 60_000;

const workerHeartbeatSchema = new Schema(
  {
    _id: { type: String, required: true },
    host: { type: String, required: true },
    pid: { type: Number, required: true },
    startedAt: { type: Date, required: true },
    lastBeatAt: { type: Date, required: true },
    /** The beat interval the process runs with (a test runs shorter), so "alive" is judged by its own pace. */
    intervalMs: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
  },
  { strict: 'throw', versionKey: false },
);
workerHeartbeatSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export function heartbeatExpiry(at: Date): Date {
  return new Date(at.getTime() + ROW_LIFETIME_MS);
}

export type WorkerHeartbeat = InferSchemaType<typeof workerHeartbeatSchema>;
export const WorkerHeartbeatModel = model<WorkerHeartbeat>('WorkerHeartbeat', workerHeartbeatSchema);
