// Health (store and engine reachability, the worker processes' heartbeats, the dossiers in incident) and the
// OpenAPI document. Polled: two indexed reads beside the pings.
import type { Router } from 'express';
import { systemRoutes } from '../api-schemas/system';
import { buildOpenApiDocument } from '../api-schemas/openapi-document';
import { machineHealth, storeHealth } from '../domain/system-health';
import type { AppDeps } from '../http/app-deps';
import { mountRoute } from '../http/route';

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
