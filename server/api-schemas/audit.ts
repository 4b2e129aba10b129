// Reading the audit trail (admins only).
import type { FromSchema } from 'json-schema-to-ts';
import { auditActions } from '../../processes/dossier-actions';
import { plainString } from './answer-pieces';
import { dateTime, objectId, pageOf } from './responses/building-blocks';
import { okResponse, pageQuery, strictObject, type RouteSpec } from './common';

const auditEventAnswer = strictObject(
  {
    id: objectId,
    at: dateTime,
    actor: strictObject(
      { kind: { enum: ['user', 'anonymous', 'system'] }, userId: objectId, username: plainString },
      ['kind'],
    ),
    action: { enum: [...auditActions] },
    outcome: { enum: ['success', 'failure'] },
    target: strictObject({ kind: plainString, id: plainString, key: plainString }, ['kind']),
    ip: plainString,
    userAgent: plainString,
    requestId: plainString,
    details: { type: 'object', description: 'What the action changed; its fields depend on the action' },
    key: { type: 'string', description: 'Set on records drained from the document they were written with' },
  },
  ['id', 'at', 'actor', 'action', 'outcome'],
);

const auditPageAnswer = pageOf(auditEventAnswer);

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
    responses: { 200: okResponse('One page of events', auditPageAnswer) },
  },
} satisfies Record<string, RouteSpec>;

export type AuditQuery = FromSchema<typeof auditRoutes.list.query>;
export type AuditEventAnswer = FromSchema<typeof auditEventAnswer>;
export type AuditPageAnswer = FromSchema<typeof auditPageAnswer>;
