// Procedure catalogue: public reading; designers and admins create procedures and draft versions.
import type { Router } from 'express';
import {
  procedureRoutes,
  type CreateProcedureBody,
  type ListProceduresQuery,
  type VersionBody,
} from '../api-schemas/procedures';
import { recordAudit } from '../domain/audit-trail';
import { addDraftVersion, createProcedure } from '../domain/procedure-catalogue';
import {
  listProcedures,
  procedureView,
  readProcedure,
  versionAnswer,
  type ProcedureSight,
} from '../domain/procedure-listing';
import type { AuthUser } from '../http/request-context';
import { mountRoute } from '../http/route';

/** Designers and admins see drafts and every diagram; officers and leaders see the published model, on which the
 * dossier screen draws where a dossier stands. */
const sightOf = (user: AuthUser | undefined): ProcedureSight => ({
  withModels: !!user && user.roles.some((r) => r === 'designer' || r === 'admin'),
  withPublishedModels: !!user && user.roles.some((r) => r === 'officer' || r === 'leader'),
});

export function mountProcedureRoutes(router: Router): void {
  mountRoute(router, procedureRoutes.list, async (_req, res) => {
    const query = res.locals.query as unknown as ListProceduresQuery;
    res.json(await listProcedures(query, sightOf(res.locals.ctx.auth?.user)));
  });

  mountRoute(router, procedureRoutes.get, async (_req, res) => {
    const { code } = res.locals.params as { code: string };
    res.json(await readProcedure(code, sightOf(res.locals.ctx.auth?.user)));
  });

  mountRoute(router, procedureRoutes.create, async (req, res) => {
    const body = req.body as CreateProcedureBody;
    const procedure = await createProcedure(body, res.locals.ctx.auth!.user);
    await recordAudit(res.locals.ctx, {
      action: 'procedure.create',
      target: { kind: 'procedure', id: procedure._id.toHexString(), key: procedure.code },
    });
    res.status(201).json(await procedureView(procedure, { withModels: true }));
  });

  mountRoute(router, procedureRoutes.addVersion, async (req, res) => {
    const { code } = res.locals.params as { code: string };
    const version = await addDraftVersion(code, req.body as VersionBody, res.locals.ctx.auth!.user);
    await recordAudit(res.locals.ctx, {
      action: 'procedure.version.create',
      target: { kind: 'procedure', key: code },
      details: { version: version.version },
    });
    res.status(201).json(versionAnswer(version, true));
  });
}
