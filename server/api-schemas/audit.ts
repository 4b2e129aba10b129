// Reading the audit trail (admins only).
import { okResponse, pageQuery, strictObject, type RouteSpec } from './common';

export const auditRoutes = {
  list: {
    operationId: 'listAuditEvents',
    method: 'get',
    path: '/api/audit-events',
    summary: 'Audit events, newest first, optionally of one record or action',
    tag: 'audit',
    access: ['admin'],
    query: strictObject({
      ...pageQuery,
      targetKind: { type: 'string', pattern: '^[a-z-]{2,30}$' },
      targetId: { type: 'string', maxLength: 60 },
      action: { type: 'string', pattern: '^[a-z.-]{2,60}$' },
    }),
    responses: { 200: okResponse('One page of events') },
  },
} satisfies Record<string, RouteSpec>;
