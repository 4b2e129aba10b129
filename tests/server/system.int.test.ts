// Health, the OpenAPI document kept true against the router, security headers, errors without stack traces,
// and the web app served with an SPA fallback.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Router } from 'express';
import { buildApiRouter } from '../../server/app';
import { loadConfig } from '../../server/config/load-config';
import { createEngineClient } from '../../server/engine/engine-client';
import { createLogger } from '../../server/config/logger';
import { createSessionKeeper } from '../../server/auth/sessions';
import { toOpenApiPath } from '../../server/api-schemas/openapi-document';
import { allRouteSpecs } from '../../server/api-schemas';
import { errorResponseSchema } from '../../server/api-schemas/common';
import { ApiClient } from './support/api-client';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
let webAppDir: string;
const anonymous = () => new ApiClient(() => system.url);

beforeAll(async () => {
  webAppDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-webapp-'));
  await writeFile(
    path.join(webAppDir, 'index.html'),
    '<!doctype html><title>Một cửa</title><div id="root"></div>',
  );
  await writeFile(path.join(webAppDir, 'app.js'), 'console.log(1)');
  system = await startTestSystem({ webAppDir });
});
afterAll(() => system.close());

describe('GET /api/health', () => {
  it('reports the store reachable and, with no engine configured, the engine unreachable', async () => {
    const response = await anonymous().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'degraded',
      store: { reachable: true },
      engine: { reachable: false, address: null },
    });
  });

  it('reports an engine that does not answer as unreachable, quickly', async () => {
    const engine = createEngineClient('127.0.0.1:1');
    try {
      const started = Date.now();
      expect(await engine.health(1000)).toMatchObject({ reachable: false, address: '127.0.0.1:1' });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await engine.close();
    }
  });
});

describe('OpenAPI document', () => {
  function mountedRoutes(router: Router): string[] {
    return router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) => {
        const route = layer.route as unknown as { path: string; methods: Record<string, boolean> };
        return Object.keys(route.methods).map((method) => `${method} ${toOpenApiPath(route.path)}`);
      });
  }

  it('documents every route of the router, and every documented route exists', async () => {
    const document = (await anonymous().get('/api/openapi.json')).body;
    expect(document.openapi).toBe('3.1.0');
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
      ([p, ops]) => Object.keys(ops).map((method) => `${method} ${p}`),
    );
    const config = loadConfig({ DATA_DIR: system.dataDir });
    const router = buildApiRouter({
      config,
      logger: createLogger('error'),
      sessions: createSessionKeeper('x'.repeat(32), 1),
    });
    const mounted = mountedRoutes(router);
    expect(mounted.length).toBeGreaterThan(15);
    expect(new Set(mounted).size).toBe(mounted.length);
    expect([...mounted].sort()).toEqual([...documented].sort());
  });

  it('describes request bodies with the same schemas the server validates with', async () => {
    const document = (await anonymous().get('/api/openapi.json')).body;
    const submit = document.paths['/api/dossiers'].post.requestBody.content['application/json'].schema;
    expect(submit.additionalProperties).toBe(false);
    expect(submit.properties.applicant.properties.idNumber.format).toBe('cccd');
  });

  it('describes every answer with the schema the response check holds it to, or its file types', async () => {
    const document = (await anonymous().get('/api/openapi.json')).body;
    const described: string[] = [];
    for (const spec of allRouteSpecs) {
      const responses = document.paths[toOpenApiPath(spec.path)][spec.method].responses;
      for (const [status, response] of Object.entries(spec.responses)) {
        const content = responses[status].content;
        if (Number(status) >= 400 && !response.schema) {
          expect(content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
        } else if (response.schema) {
          expect({ [spec.operationId]: content['application/json'].schema }).toEqual({
            [spec.operationId]: JSON.parse(JSON.stringify(response.schema)),
          });
          described.push(`${spec.operationId} ${status}`);
        } else if (response.contentTypes) {
          expect(Object.keys(content)).toEqual([...response.contentTypes]);
        }
      }
    }
    expect(described).toEqual(
      expect.arrayContaining(['getDossier 200', 'submitDossier 201', 'listTasks 200', 'getStatistics 200']),
    );
    expect(document.paths['/api/dossiers/{code}/control-slip.pdf'].get.responses[200].content).toEqual({
      'application/pdf': {},
    });
    expect(document.components.schemas.Error).toEqual(JSON.parse(JSON.stringify(errorResponseSchema)));
    expect(document.components.schemas.Error.additionalProperties).toBe(false);
  });
});

describe('HTTP hygiene', () => {
  it('sends security headers and no X-Powered-By', async () => {
    const response = await anonymous().get('/api/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers unknown API paths with the error format, not the web app', async () => {
    const response = await anonymous().request('GET', '/api/nothing-here', undefined, {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      error: { code: 'not_found', message: 'Không tìm thấy đường dẫn', fields: [] },
    });
  });

  it('serves the web app and falls back to index.html for client-side routes', async () => {
    const deepLink = await anonymous().request('GET', '/tra-cuu/ho-so', undefined, {
      headers: { accept: 'text/html' },
    });
    expect(deepLink.status).toBe(200);
    expect(deepLink.body).toContain('<div id="root">');
    const asset = await anonymous().request('GET', '/app.js', undefined, { headers: { accept: '*/*' } });
    expect(asset.body).toBe('console.log(1)');
  });
});
