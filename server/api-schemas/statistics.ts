// Statistics of Decision 766/QĐ-TTg for leaders (their agency) and admins (all agencies), as JSON or CSV.
import { okResponse, strictObject, type RouteSpec } from './common';

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
      200: okResponse('One row per group', {
        type: 'object',
        required: ['items'],
        properties: { items: { type: 'array', items: { type: 'object' } } },
      }),
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
    responses: { 200: okResponse('text/csv'), 400: okResponse('Invalid period') },
  },
} satisfies Record<string, RouteSpec>;
