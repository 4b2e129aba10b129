// The holiday table of the working-day calendar.
import type { Router } from 'express';
import { holidayRoutes, type HolidayBody } from '../api-schemas/holidays';
import { ApiError, notFound } from '../errors/api-error';
import { recordAudit } from '../domain/audit-trail';
import { HolidayModel } from '../models/Holiday';
import { mountRoute } from '../http/route';

const view = (h: { date: string; kind: string; name: string }) => ({
  date: h.date,
  kind: h.kind,
  name: h.name,
});

export function mountHolidayRoutes(router: Router): void {
  mountRoute(router, holidayRoutes.list, async (_req, res) => {
    const { year } = res.locals.query as { year: number };
    const entries = await HolidayModel.find({ date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } })
      .sort({ date: 1 })
      .lean();
    res.json({ items: entries.map(view) });
  });

  mountRoute(router, holidayRoutes.create, async (req, res) => {
    const body = req.body as HolidayBody;
    if (await HolidayModel.exists({ date: body.date }))
      throw new ApiError(409, 'duplicate', { key: body.date });
    const entry = await HolidayModel.create({ ...body, createdBy: res.locals.ctx.auth!.user.id });
    await recordAudit(res.locals.ctx, {
      action: 'holiday.create',
      target: { kind: 'holiday', key: body.date },
      details: { ...body },
    });
    res.status(201).json(view(entry));
  });

  mountRoute(router, holidayRoutes.remove, async (_req, res) => {
    const { date } = res.locals.params as { date: string };
    const removed = await HolidayModel.findOneAndDelete({ date }).lean();
    if (!removed) throw notFound();
    await recordAudit(res.locals.ctx, {
      action: 'holiday.delete',
      target: { kind: 'holiday', key: date },
      details: view(removed),
    });
    res.status(204).end();
  });
}
