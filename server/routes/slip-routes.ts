// Slip PDFs: an issued slip, the control slip, the log book.
import type { Response, Router } from 'express';
import { slipRoutes } from '../api-schemas/slips';
import { dossierControlSlipPdf, issuedSlipPdf, logBookPdf } from '../domain/dossier-slips';
import { dossierScope } from '../domain/dossier-scope';
import { badRequest, forbidden } from '../errors/api-error';
import { mountRoute } from '../http/route';

const vietnamOffset = '+07:00';

function sendPdf(res: Response, name: string, pdf: Buffer): void {
  res.type('application/pdf').setHeader('Content-Disposition', `inline; filename="${name}"`);
  res.send(pdf);
}

function callerScope(res: Response): Record<string, unknown> {
  const scope = dossierScope(res.locals.ctx.auth!.user);
  if (!scope) throw forbidden();
  return scope as Record<string, unknown>;
}

export function mountSlipRoutes(router: Router): void {
  mountRoute(router, slipRoutes.issued, async (_req, res) => {
    const { code, number } = res.locals.params as { code: string; number: string };
    sendPdf(res, `${number}.pdf`, await issuedSlipPdf(callerScope(res), code, number));
  });

  mountRoute(router, slipRoutes.controlSlip, async (_req, res) => {
    const { code } = res.locals.params as { code: string };
    sendPdf(res, `06-${code}.pdf`, await dossierControlSlipPdf(callerScope(res), code));
  });

  mountRoute(router, slipRoutes.logBook, async (_req, res) => {
    const agency = res.locals.ctx.auth!.user.agency;
    if (!agency) throw forbidden();
    const query = res.locals.query as { from: string; to: string };
    const from = new Date(`${query.from}T00:00:00${vietnamOffset}`);
    const to = new Date(new Date(`${query.to}T00:00:00${vietnamOffset}`).getTime() + 86_400_000);
    if (from >= to) throw badRequest([{ path: 'from', key: 'field_period' }]);
    sendPdf(res, `so-theo-doi-${query.from}-${query.to}.pdf`, await logBookPdf(agency.code, from, to));
  });
}
