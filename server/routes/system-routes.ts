// Health (store and engine reachability, the worker processes' heartbeats, the dossiers in incident) and the
// OpenAPI document. Polled: two indexed reads beside the pings.
import type { Router } from 'express';
import mongoose from 'mongoose';
import { systemRoutes } from '../api-schemas/system';
import { buildOpenApiDocument } from '../api-schemas/openapi-document';
import type { AppDeps } from '../http/app-deps';
import { mountRoute } from '../http/route';
import { DossierModel } from '../models/Dossier';
import { MISSED_BEATS_DEAD, WorkerHeartbeatModel } from '../models/WorkerHeartbeat';

async function storeHealth(timeoutMs: number) {
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

async function machineHealth() {
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

export function mountSystemRoutes(router: Router, deps: AppDeps): void {
  const openapi = buildOpenApiDocument();

  mountRoute(router, systemRoutes.health, async (_req, res) => {
    const [store, engine] = await Promise.all([
      storeHealth(1500),
      deps.engine
        ? deps.engine.health(1500)
        : Promise.resolve({
            reachable: false,
            address: null,
            detail: 'no engine: ZEEBE_ADDRESS is unset and none is embedded',
          }),
    ]);
    const status = !store.reachable ? 'down' : engine.reachable ? 'ok' : 'degraded';
    // Read from the store, so only when it answered the ping.
    const machine = store.reachable ? await machineHealth() : {};
    res.status(store.reachable ? 200 : 503).json({ status, store, engine, ...machine });
  });

  mountRoute(router, systemRoutes.openapi, (_req, res) => {
    res.json(openapi);
  });
}
