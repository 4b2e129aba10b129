// Reading the audit trail.
import type { Router } from 'express';
import { auditRoutes, type AuditQuery } from '../api-schemas/audit';
import { listAuditEvents } from '../domain/audit-listing';
import { mountRoute } from '../http/route';

export function mountAuditRoutes(router: Router): void {
  mountRoute(router, auditRoutes.list, async (_req, res) => {
    res.json(await listAuditEvents(res.locals.query as AuditQuery));
  });
}
