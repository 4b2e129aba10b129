// The organisation tree, read-only over the API (the seed and admins' tools keep it).
import type { Router } from 'express';
import { agencyRoutes } from '../api-schemas/agencies';
import { AgencyModel } from '../models/Agency';
import { mountRoute } from '../http/route';

export function mountAgencyRoutes(router: Router): void {
  mountRoute(router, agencyRoutes.list, async (_req, res) => {
    const query = res.locals.query as { level?: string; kind?: string; parent?: string };
    const now = new Date();
    const filter: Record<string, unknown> = {
      effectiveFrom: { $lte: now },
      $or: [{ effectiveTo: null }, { effectiveTo: { $gt: now } }],
    };
    if (query.level) filter.level = query.level;
    if (query.kind) filter.kind = query.kind;
    if (query.parent) {
      const parent = await AgencyModel.findOne({ code: query.parent }, { _id: 1 }).lean();
      filter.parent = parent?._id ?? null;
      if (!parent) return res.json({ items: [] });
    }
    const agencies = await AgencyModel.find(filter).sort({ code: 1 }).limit(2000).lean();
    const codeOf = new Map(agencies.map((a) => [a._id.toHexString(), a.code]));
    const parentIds = agencies
      .filter((a) => a.parent && !codeOf.has(a.parent.toHexString()))
      .map((a) => a.parent!);
    for (const parent of await AgencyModel.find({ _id: { $in: parentIds } }, { code: 1 }).lean()) {
      codeOf.set(parent._id.toHexString(), parent.code);
    }
    res.json({
      items: agencies.map((a) => ({
        code: a.code,
        codeProvisional: a.codeProvisional,
        name: a.name,
        level: a.level,
        kind: a.kind,
        parentCode: a.parent ? (codeOf.get(a.parent.toHexString()) ?? null) : null,
        effectiveFrom: a.effectiveFrom,
      })),
    });
  });
}
