// Reading the audit trail.
import type { Router } from 'express';
import { auditRoutes } from '../api-schemas/audit';
import { AuditEventModel } from '../models/AuditEvent';
import { mountRoute } from '../http/route';

export function mountAuditRoutes(router: Router): void {
  mountRoute(router, auditRoutes.list, async (_req, res) => {
    const query = res.locals.query as {
      page: number;
      pageSize: number;
      targetKind?: string;
      targetId?: string;
      action?: string;
    };
    const filter: Record<string, unknown> = {};
    if (query.targetKind) filter['target.kind'] = query.targetKind;
    if (query.targetId) filter['target.id'] = query.targetId;
    if (query.action) filter.action = query.action;
    const rows = await AuditEventModel.find(filter)
      .sort({ at: -1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize + 1)
      .lean();
    res.json({
      items: rows.slice(0, query.pageSize).map(({ _id, ...event }) => ({ id: _id, ...event })),
      page: query.page,
      pageSize: query.pageSize,
      hasMore: rows.length > query.pageSize,
    });
  });
}
