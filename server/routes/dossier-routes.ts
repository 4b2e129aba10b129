// Dossiers: the caller's list, submission, one dossier; and the citizen's public status lookup.
import type { Router } from 'express';
import {
  dossierRoutes,
  type ListDossiersQuery,
  type SubmitDossierBody,
  type PublicStatusBody,
  type SupplementBody,
} from '../api-schemas/dossiers';
import { recordAudit } from '../domain/audit-trail';
import { dossierInScope, requireDossierScope } from '../domain/dossier-scope';
import { listDossiers } from '../domain/dossier-listing';
import { submitDossier } from '../domain/dossier-submission';
import { startDossierProcess } from '../domain/dossier-process';
import { drainDossierAudit } from '../domain/dossier-audit-outbox';
import { recordSupplement } from '../domain/dossier-supplement';
import type { AppDeps } from '../http/app-deps';
import { dossierDetail, dossierSummary, publicDossierStatus } from '../domain/dossier-views';
import { dossierByReceipt } from '../domain/receipt-secret';
import { mountRoute } from '../http/route';
import { publicLookupRateLimit } from '../http/rate-limits';

export function mountDossierRoutes(router: Router, deps: AppDeps): void {
  mountRoute(router, dossierRoutes.list, async (_req, res) => {
    const { auth, lang } = res.locals.ctx;
    const scope = requireDossierScope(auth!.user);
    const query = res.locals.query as unknown as ListDossiersQuery;
    const now = new Date();
    const { rows, hasMore, total } = await listDossiers(scope, query, now);
    res.json({
      items: rows.map((row) => dossierSummary(row, lang, now, auth!.user)),
      page: query.page,
      pageSize: query.pageSize,
      hasMore,
      ...(total !== undefined ? { total } : {}),
    });
  });

  mountRoute(router, dossierRoutes.submit, async (req, res) => {
    const { auth, lang } = res.locals.ctx;
    const crashPoint = deps.crashPoint;
    const submitted = await submitDossier(req.body as SubmitDossierBody, auth!.user, { ctx: res.locals.ctx });
    const { receiptSecret, created } = submitted;
    let dossier = submitted.dossier;
    crashPoint?.('dossier-stored');
    if (deps.engine) {
      // The dossier is stored either way; if the engine is down, the sweep starts its process later. A replay
      // starts it too when the first request died before it had.
      dossier = await startDossierProcess(dossier, deps.engine, crashPoint).catch((error: unknown) => {
        deps.logger.warn('process start failed at submission', {
          dossier: dossier.code,
          error: String(error),
        });
        return dossier;
      });
    }
    // The records were stored with the dossier's write: a drain that fails here is done by the workers' sweep.
    await drainDossierAudit(dossier._id, crashPoint).catch((error: unknown) =>
      deps.logger.warn('audit drain failed at submission', { dossier: dossier.code, error: String(error) }),
    );
    res
      .status(created ? 201 : 200)
      .json({ dossier: dossierDetail(dossier, lang, new Date(), auth!.user), receiptSecret });
  });

  mountRoute(router, dossierRoutes.get, async (_req, res) => {
    const { auth, lang } = res.locals.ctx;
    const { code } = res.locals.params as { code: string };
    const dossier = await dossierInScope(auth!.user, code);
    res.json(dossierDetail(dossier, lang, new Date(), auth!.user));
  });

  mountRoute(router, dossierRoutes.supplement, async (req, res) => {
    const { auth, lang } = res.locals.ctx;
    const { code } = res.locals.params as { code: string };
    const dossier = await dossierInScope(auth!.user, code);
    const changed = await recordSupplement(dossier, req.body as SupplementBody, auth!.user, deps.engine);
    await recordAudit(res.locals.ctx, {
      action: 'dossier.supplement',
      target: { kind: 'dossier', id: dossier._id.toHexString(), key: dossier.code },
      details: { documents: (req.body as SupplementBody).documents.length },
    });
    res.json(dossierDetail(changed, lang, new Date(), auth!.user));
  });

  mountRoute(
    router,
    dossierRoutes.publicStatus,
    async (req, res) => {
      const { code, secret } = req.body as PublicStatusBody;
      const dossier = await dossierByReceipt(code, secret);
      res.json(publicDossierStatus(dossier, res.locals.ctx.lang, new Date()));
    },
    [publicLookupRateLimit()],
  );
}
