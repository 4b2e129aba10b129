// Statistics: the report as JSON and as a CSV download.
import type { Router } from 'express';
import { statisticsRoutes } from '../api-schemas/statistics';
import { statisticsCsv, statisticsReport, type StatisticsReportQuery } from '../domain/statistics-report';
import { mountRoute } from '../http/route';

export function mountStatisticsRoutes(router: Router): void {
  mountRoute(router, statisticsRoutes.report, async (_req, res) => {
    const query = res.locals.query as unknown as StatisticsReportQuery;
    const rows = await statisticsReport(query, res.locals.ctx.auth!.user);
    res.json({ items: rows });
  });

  mountRoute(router, statisticsRoutes.csv, async (_req, res) => {
    const query = res.locals.query as unknown as StatisticsReportQuery;
    const rows = await statisticsReport(query, res.locals.ctx.auth!.user);
    res
      .type('text/csv; charset=utf-8')
      .attachment(`thong-ke-${query.from}-${query.to}.csv`)
      .send(statisticsCsv(rows));
  });
}
