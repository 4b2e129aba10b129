// Operations about the service itself: health and the OpenAPI document.
import type { FromSchema } from 'json-schema-to-ts';
import { arrayOf, plainString } from './answer-pieces';
import { dateTime } from './responses/building-blocks';
import { okResponse, strictObject, type RouteSpec } from './common';

const storeReachability = strictObject({ reachable: { type: 'boolean' }, detail: plainString }, [
  'reachable',
]);

const engineReachability = strictObject(
  {
    reachable: { type: 'boolean' },
    address: { type: ['string', 'null'] },
    gatewayVersion: plainString,
    brokers: { type: 'integer', minimum: 0 },
    detail: plainString,
  },
  ['reachable', 'address'],
);

const workerHeartbeat = strictObject(
  {
    id: plainString,
    host: plainString,
    pid: { type: 'integer' },
    startedAt: dateTime,
    lastBeatAt: dateTime,
    alive: { type: 'boolean', description: 'Beat within three of its intervals' },
  },
  ['id', 'host', 'pid', 'startedAt', 'lastBeatAt', 'alive'],
);

const healthAnswer = strictObject(
  {
    status: { enum: ['ok', 'degraded', 'down'] },
    store: storeReachability,
    engine: engineReachability,
    workers: {
      ...arrayOf(workerHeartbeat),
      description: 'Job-worker processes by their heartbeat; absent when the store is down',
    },
    incidents: { type: 'integer', minimum: 0, description: 'Dossiers whose process has an incident' },
  },
  ['status', 'store', 'engine'],
);

/** Only the frame of the document: its paths are built from these very specs (openapi-document.ts). */
const openApiAnswer = {
  type: 'object',
  required: ['openapi', 'info', 'paths'],
  properties: { openapi: { const: '3.1.0' }, info: { type: 'object' }, paths: { type: 'object' } },
} as const;

export const systemRoutes = {
  health: {
    operationId: 'health',
    method: 'get',
    path: '/api/health',
    summary:
      'Store and engine reachability, worker processes and dossiers in incident (200 unless the store is down)',
    tag: 'system',
    access: 'public',
    responses: {
      200: okResponse('Store reachable; `status` is `degraded` when the engine is not', healthAnswer),
      503: okResponse('The store is unreachable; the engine and workers as far as known', healthAnswer),
    },
  },
  openapi: {
    operationId: 'openapi',
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This OpenAPI document',
    tag: 'system',
    access: 'public',
    responses: { 200: okResponse('OpenAPI 3.1 document', openApiAnswer) },
  },
} satisfies Record<string, RouteSpec>;

export type HealthAnswer = FromSchema<typeof healthAnswer>;
