// Operations about the service itself: health and the OpenAPI document.
import { okResponse, type RouteSpec } from './common';

const reachability = {
  type: 'object',
  required: ['reachable'],
  properties: {
    reachable: { type: 'boolean' },
    address: { type: ['string', 'null'] },
    detail: { type: 'string' },
  },
};

const workerHeartbeat = {
  type: 'object',
  required: ['id', 'host', 'pid', 'startedAt', 'lastBeatAt', 'alive'],
  properties: {
    id: { type: 'string' },
    host: { type: 'string' },
    pid: { type: 'integer' },
    startedAt: { type: 'string', format: 'date-time' },
    lastBeatAt: { type: 'string', format: 'date-time' },
    alive: { type: 'boolean', description: 'Beat within three of its intervals' },
  },
};

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
      200: okResponse('Store reachable; `status` is `degraded` when the engine is not', {
        type: 'object',
        required: ['status', 'store', 'engine'],
        properties: {
          status: { enum: ['ok', 'degraded', 'down'] },
          store: reachability,
          engine: reachability,
          workers: {
            type: 'array',
            description: 'Job-worker processes by their heartbeat; absent when the store is down',
            items: workerHeartbeat,
          },
          incidents: { type: 'integer', description: 'Dossiers whose process has an incident' },
        },
      }),
      503: okResponse('The store is unreachable'),
    },
  },
  openapi: {
    operationId: 'openapi',
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This OpenAPI document',
    tag: 'system',
    access: 'public',
    responses: { 200: okResponse('OpenAPI 3.1 document') },
  },
} satisfies Record<string, RouteSpec>;
