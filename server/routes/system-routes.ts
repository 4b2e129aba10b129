// Health (store and engine reachability) and the OpenAPI document.
import type { Router } from 'express';
import mongoose from 'mongoose';
import { systemRoutes } from '../api-schemas/system';
import { buildOpenApiDocument } from '../api-schemas/openapi-document';
import type { AppDeps } from '../http/app-deps';
import { mountRoute } from '../http/route';

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
    res.status(store.reachable ? 200 : 503).json({ status, store, engine });
  });

  mountRoute(router, systemRoutes.openapi, (_req, res) => {
    res.json(openapi);
  });
}
