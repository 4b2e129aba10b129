// Procedure catalogue: public reading; designers and admins create procedures and draft versions.
import type { Router } from 'express';
import {
  procedureRoutes,
  type CreateProcedureBody,
  type ListProceduresQuery,
  type VersionBody,
} from '../api-schemas/procedures';
import { notFound } from '../errors/api-error';
import { recordAudit } from '../domain/audit-trail';
import { addDraftVersion, createProcedure } from '../domain/procedure-catalogue';
import { AgencyModel } from '../models/Agency';
import { ProcedureModel, type Procedure } from '../models/Procedure';
import type { AuthUser } from '../http/request-context';
import { mountRoute } from '../http/route';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const seesModels = (user: AuthUser | undefined) =>
  !!user && user.roles.some((r) => r === 'designer' || r === 'admin');
/** Officers and leaders see the published model: the dossier screen draws where a dossier stands on it. */
const seesPublishedModels = (user: AuthUser | undefined) =>
  !!user && user.roles.some((r) => r === 'officer' || r === 'leader');

async function procedureView(procedure: Procedure, withModels: boolean, withPublishedModels = false) {
  const agencies = procedure.implementingAgencies.length
    ? await AgencyModel.find({ _id: { $in: procedure.implementingAgencies } }, { code: 1 }).lean()
    : [];
  return {
    code: procedure.code,
    localCode: procedure.localCode,
    names: procedure.names,
    field: procedure.field,
    level: procedure.level,
    implementingAgencyCodes: agencies.map((a) => a.code),
    publishedVersion: procedure.publishedVersion,
    versions: procedure.versions
      .filter((v) => withModels || v.status === 'published')
      .map(({ bpmnXml, createdBy: _c, publishedBy: _p, ...version }) => ({
        ...version,
        ...((withModels || withPublishedModels) && bpmnXml !== undefined ? { bpmnXml } : {}),
      })),
  };
}

export function mountProcedureRoutes(router: Router): void {
  mountRoute(router, procedureRoutes.list, async (_req, res) => {
    const query = res.locals.query as unknown as ListProceduresQuery;
    const filter: Record<string, unknown> = {};
    if (query.q) {
      const pattern = { $regex: escapeRegex(query.q), $options: 'i' };
      filter.$or = [{ code: pattern }, { 'names.vi': pattern }, { 'names.en': pattern }];
    }
    if (query.level) filter.level = query.level;
    if (query.published === true) filter.publishedVersion = { $ne: null };
    if (query.published === false) filter.publishedVersion = null;
    if (!seesModels(res.locals.ctx.auth?.user)) filter.publishedVersion = { $ne: null };
    const rows = await ProcedureModel.find(filter, {
      code: 1,
      localCode: 1,
      names: 1,
      field: 1,
      level: 1,
      publishedVersion: 1,
    })
      .sort({ code: 1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize + 1)
      .lean();
    res.json({
      items: rows.slice(0, query.pageSize).map(({ _id, ...p }) => p),
      page: query.page,
      pageSize: query.pageSize,
      hasMore: rows.length > query.pageSize,
    });
  });

  mountRoute(router, procedureRoutes.get, async (_req, res) => {
    const { code } = res.locals.params as { code: string };
    const user = res.locals.ctx.auth?.user;
    const withModels = seesModels(user);
    const withPublishedModels = seesPublishedModels(user);
    const procedure = await ProcedureModel.findOne(
      withModels ? { code } : { code, publishedVersion: { $ne: null } },
      withModels || withPublishedModels ? {} : { 'versions.bpmnXml': 0 },
    ).lean();
    if (!procedure) throw notFound('procedure');
    res.json(await procedureView(procedure, withModels, withPublishedModels));
  });

  mountRoute(router, procedureRoutes.create, async (req, res) => {
    const body = req.body as CreateProcedureBody;
    const procedure = await createProcedure(body, res.locals.ctx.auth!.user);
    await recordAudit(res.locals.ctx, {
      action: 'procedure.create',
      target: { kind: 'procedure', id: procedure._id.toHexString(), key: procedure.code },
    });
    res.status(201).json(await procedureView(procedure, true));
  });

  mountRoute(router, procedureRoutes.addVersion, async (req, res) => {
    const { code } = res.locals.params as { code: string };
    const version = await addDraftVersion(code, req.body as VersionBody, res.locals.ctx.auth!.user);
    await recordAudit(res.locals.ctx, {
      action: 'procedure.version.create',
      target: { kind: 'procedure', key: code },
      details: { version: version.version },
    });
    const { createdBy: _c, ...view } = version;
    res.status(201).json(view);
  });
}
