// Slip PDFs: an issued slip, the control slip, the log book.
import type { Response, Router } from 'express';
import { slipRoutes } from '../api-schemas/slips';
import { dossierControlSlipPdf, issuedSlipPdf, logBookPdf } from '../domain/dossier-slips';
import { forbidden } from '../errors/api-error';
import { localDayPeriod } from '../domain/local-period';
import { mountRoute } from '../http/route';

function sendPdf(res: Response, name: string, pdf: Buffer): void {
  res.type('application/pdf').setHeader('Content-Disposition', `inline; filename="${name}"`);
  res.send(pdf);
}

export function mountSlipRoutes(router: Router): void {
  mountRoute(router, slipRoutes.issued, async (_req, res) => {
    const { code, number } = res.locals.params as { code: string; number: string };
    sendPdf(res, `${number}.pdf`, await issuedSlipPdf(res.locals.ctx.auth!.user, code, number));
  });

  mountRoute(router, slipRoutes.controlSlip, async (_req, res) => {
    const { code } = res.locals.params as { code: string };
    sendPdf(res, `06-${code}.pdf`, await dossierControlSlipPdf(res.locals.ctx.auth!.user, code));
  });

  mountRoute(router, slipRoutes.logBook, async (_req, res) => {
    const agency = res.locals.ctx.auth!.user.agency;
    if (!agency) throw forbidden();
    const query = res.locals.query as { from: string; to: string };
    const { from, to } = localDayPeriod(query);
    sendPdf(res, `so-theo-doi-${query.from}-${query.to}.pdf`, await logBookPdf(agency.code, from, to));
  });
}
