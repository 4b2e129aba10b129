// The applicant's requests after filing: withdrawal and the satisfaction rating.
import type { Router } from 'express';
import {
  applicantRequestRoutes,
  type RatingBody,
  type WithdrawBody,
} from '../api-schemas/applicant-requests';
import { rateDossier, requestWithdrawal } from '../domain/applicant-requests';
import { recordAudit } from '../domain/audit-trail';
import { dossierInScope } from '../domain/dossier-scope';
import { dossierByReceipt } from '../domain/receipt-secret';
import type { AppDeps } from '../http/app-deps';
import { publicLookupRateLimit } from '../http/rate-limits';
import { mountRoute } from '../http/route';

export function mountApplicantRequestRoutes(router: Router, deps: AppDeps): void {
  mountRoute(router, applicantRequestRoutes.withdraw, async (req, res) => {
    const user = res.locals.ctx.auth!.user;
    const { code } = res.locals.params as { code: string };
    const dossier = await dossierInScope(user, code);
    const { reason } = req.body as WithdrawBody;
    await requestWithdrawal(dossier, reason, user, deps.engine);
    await recordAudit(res.locals.ctx, {
      action: 'dossier.withdraw',
      target: { kind: 'dossier', id: dossier._id.toHexString(), key: dossier.code },
    });
    res.status(202).json({ code: dossier.code, requested: true });
  });

  mountRoute(
    router,
    applicantRequestRoutes.rate,
    async (req, res) => {
      const { code, secret, score, comment } = req.body as RatingBody;
      const dossier = await dossierByReceipt(code, secret);
      const rated = await rateDossier(dossier, score, comment);
      res.json({ code: rated.code, rating: { score: rated.rating!.score } });
    },
    [publicLookupRateLimit()],
  );
}
