// The platform's health as the store sees it: whether the store answers a ping in time, the worker processes'
// heartbeats (alive or stopped), and how many dossiers are in incident. Two indexed reads beside the ping.
import mongoose from 'mongoose';
import { DossierModel } from '../models/Dossier';
import { MISSED_BEATS_DEAD, WorkerHeartbeatModel } from '../models/WorkerHeartbeat';

export async function storeHealth(timeoutMs: number) {
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState !== 1 || !db) return { reachable: false, detail: 'not connected' };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.admin().ping(),
      new Promise(
        (_, reject) =>
          (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
      ),
    ]);
    return { reachable: true };
  } catch (error) {
    return { reachable: false, detail: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** The worker processes that beat recently enough to be alive, and those that stopped (until their row expires). */
async function workersHealth(now: Date) {
  const rows = await WorkerHeartbeatModel.find({}).sort({ startedAt: 1 }).limit(200).lean();
  return rows.map((row) => ({
    id: row._id,
    host: row.host,
    pid: row.pid,
    startedAt: row.startedAt,
    lastBeatAt: row.lastBeatAt,
    alive: now.getTime() - row.lastBeatAt.getTime() <= row.intervalMs * MISSED_BEATS_DEAD,
  }));
}

/** Workers and incidents; empty when the store fails to answer them. */
export async function machineHealth() {
  try {
    const [workers, incidents] = await Promise.all([
      workersHealth(new Date()),
      DossierModel.countDocuments({ 'processHealth.state': 'incident' }),
    ]);
    return { workers, incidents };
  } catch {
    return {};
  }
}
