// The organisation tree, read-only over the API (the seed and admins' tools keep it).
import type { Router } from 'express';
import { agencyRoutes, type AgencyQuery } from '../api-schemas/agencies';
import { listAgencies } from '../domain/agency-tree';
import { mountRoute } from '../http/route';

export function mountAgencyRoutes(router: Router): void {
  mountRoute(router, agencyRoutes.list, async (_req, res) => {
    res.json({ items: await listAgencies(res.locals.query as AgencyQuery) });
  });
}
