// Statistics of Decision 766/QĐ-TTg for leaders (their agency) and admins (all agencies), as JSON or CSV.
import type { FromSchema } from 'json-schema-to-ts';
import { fileResponse, okResponse, strictObject, type JsonSchema, type RouteSpec } from './common';
import { agencyCode, dateTime, procedureCode } from './responses/building-blocks';

const count = { type: 'integer', minimum: 0 } as const;
const counts = <const K extends readonly string[]>(keys: K) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: keys,
    properties: Object.fromEntries(keys.map((key) => [key, count])) as { [Key in K[number]]: typeof count },
  }) as const;

/** One group's figures (server/statistics/types.ts StatisticsRow). */
const statisticsRowSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'counts'],
  properties: {
    agency: agencyCode,
    procedure: procedureCode,
    period: {
      type: 'string',
      pattern: '^\\d{4}(-\\d{2}|-Q[1-4])?$',
      description: '2026-02, 2026-Q1 or 2026',
    },
    from: dateTime,
    to: dateTime,
    counts: {
      type: 'object',
      additionalProperties: false,
      required: [
        'received',
        'carriedOver',
        'resolved',
        'pending',
        'refused',
        'stopped',
        'withdrawn',
        'processIncident',
        'onTimeRate',
        'averageProcessingHours',
      ],
      properties: {
        received: counts(['total', 'counter', 'online', 'post']),
        carriedOver: count,
        resolved: counts(['total', 'early', 'onTime', 'late']),
        pending: counts(['total', 'inTime', 'overdue']),
        refused: count,
        stopped: count,
        withdrawn: count,
        processIncident: count,
        onTimeRate: { type: ['number', 'null'], minimum: 0, maximum: 1 },
        averageProcessingHours: { type: ['number', 'null'], minimum: 0 },
      },
    },
  },
} as const satisfies JsonSchema;

const statisticsAnswer = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', items: statisticsRowSchema } },
} as const satisfies JsonSchema;

const statisticsQuery = strictObject(
  {
    from: { type: 'string', format: 'local-date', description: 'First day counted (Asia/Ho_Chi_Minh)' },
    to: { type: 'string', format: 'local-date', description: 'Last day counted' },
    groupBy: { enum: ['agency', 'procedure', 'month', 'quarter', 'year'], default: 'agency' },
  },
  ['from', 'to'],
);

export const statisticsRoutes = {
  report: {
    operationId: 'getStatistics',
    method: 'get',
    path: '/api/statistics',
    summary:
      'Received by channel, resolved early/on time/late, pending, refused, stopped, withdrawn, average time',
    tag: 'statistics',
    access: ['leader', 'admin'],
    query: statisticsQuery,
    responses: {
      200: okResponse('One row per group', statisticsAnswer),
      400: okResponse('Invalid period'),
    },
  },
  csv: {
    operationId: 'exportStatisticsCsv',
    method: 'get',
    path: '/api/statistics.csv',
    summary: 'The same rows as CSV (UTF-8 with BOM, Vietnamese headers)',
    tag: 'statistics',
    access: ['leader', 'admin'],
    query: statisticsQuery,
    responses: {
      200: fileResponse('The rows, one line per group', 'text/csv; charset=utf-8'),
      400: okResponse('Invalid period'),
    },
  },
} satisfies Record<string, RouteSpec>;

export type StatisticsRowAnswer = FromSchema<typeof statisticsRowSchema>;
export type StatisticsAnswer = FromSchema<typeof statisticsAnswer>;
