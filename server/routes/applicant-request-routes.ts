// The applicant's requests after filing: withdrawal and the satisfaction rating.
import type { Router } from 'express';
import {
  applicantRequestRoutes,
  type RatingBody,
  type WithdrawBody,
} from '../api-schemas/applicant-requests';
import { rateDossier, requestWithdrawal } from '../domain/applicant-requests';
import { recordAudit } from '../domain/audit-trail';
import { dossierScope } from '../domain/dossier-scope';
import { receiptSecretMatches } from '../domain/receipt-secret';
import { forbidden, notFound } from '../errors/api-error';
import type { AppDeps } from '../http/app-deps';
import { publicLookupRateLimit } from '../http/rate-limits';
import { mountRoute } from '../http/route';
import { DossierModel } from '../models/Dossier';

// A bcrypt hash of nothing anyone can type, so an unknown code costs as much time as a wrong secret.
const absentHash = '$2b$10$gWb531r1ksTbQEuXQuANUOVeJ8dM5J3TMXR0WlaGPQTqXQfuI6psi';

export function mountApplicantRequestRoutes(router: Router, deps: AppDeps): void {
  mountRoute(router, applicantRequestRoutes.withdraw, async (req, res) => {
    const user = res.locals.ctx.auth!.user;
    const scope = dossierScope(user);
    if (!scope) throw forbidden();
    const { code } = res.locals.params as { code: string };
    const dossier = await DossierModel.findOne({ ...scope, code }).lean();
    if (!dossier) throw notFound('dossier');
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
      const dossier = await DossierModel.findOne({ code }).lean();
      const matches = await receiptSecretMatches(secret, dossier?.receiptSecretHash ?? absentHash);
      if (!dossier || !matches) throw notFound('dossier');
      const rated = await rateDossier(dossier, score, comment);
      res.json({ code: rated.code, rating: { score: rated.rating!.score } });
    },
    [publicLookupRateLimit()],
  );
}
