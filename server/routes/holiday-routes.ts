// The holiday table of the working-day calendar.
import type { Router } from 'express';
import { holidayRoutes, type HolidayBody, type HolidayListQuery } from '../api-schemas/holidays';
import { notFound } from '../errors/api-error';
import { recordAudit } from '../domain/audit-trail';
import { addHoliday, listHolidays, removeHoliday } from '../domain/holiday-table';
import { mountRoute } from '../http/route';

export function mountHolidayRoutes(router: Router): void {
  mountRoute(router, holidayRoutes.list, async (_req, res) => {
    const { year } = res.locals.query as HolidayListQuery;
    res.json({ items: await listHolidays(year) });
  });

  mountRoute(router, holidayRoutes.create, async (req, res) => {
    const body = req.body as HolidayBody;
    const entry = await addHoliday(body, res.locals.ctx.auth!.user.id);
    await recordAudit(res.locals.ctx, {
      action: 'holiday.create',
      target: { kind: 'holiday', key: body.date },
      details: { ...body },
    });
    res.status(201).json(entry);
  });

  mountRoute(router, holidayRoutes.remove, async (_req, res) => {
    const { date } = res.locals.params as { date: string };
    const removed = await removeHoliday(date);
    if (!removed) throw notFound();
    await recordAudit(res.locals.ctx, {
      action: 'holiday.delete',
      target: { kind: 'holiday', key: date },
      details: removed,
    });
    res.status(204).end();
  });
}
