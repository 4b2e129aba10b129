// The audit trail's read side: one page of events, newest first, filtered by target and action.
import type { AuditQuery } from '../api-schemas/audit';
import { AuditEventModel } from '../models/AuditEvent';

export async function listAuditEvents(query: AuditQuery) {
  const filter: Record<string, unknown> = {};
  if (query.targetKind) filter['target.kind'] = query.targetKind;
  if (query.targetId) filter['target.id'] = query.targetId;
  if (query.action) filter.action = query.action;
  const rows = await AuditEventModel.find(filter)
    .sort({ at: -1 })
    .skip((query.page - 1) * query.pageSize)
    .limit(query.pageSize + 1)
    .lean();
  return {
    items: rows.slice(0, query.pageSize).map(({ _id, ...event }) => ({ id: _id, ...event })),
    page: query.page,
    pageSize: query.pageSize,
    hasMore: rows.length > query.pageSize,
  };
}
