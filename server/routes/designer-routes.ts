// The procedure designer's endpoints: versions with authors, designed form versions, publishing.
import type { Router } from 'express';
import { designerRoutes, type SaveFormBody } from '../api-schemas/designer';
import { ApiError, notFound } from '../errors/api-error';
import { recordAudit } from '../domain/audit-trail';
import { findForm, formVersions, saveFormDesign } from '../domain/form-designs';
import { publishVersion } from '../domain/procedure-publishing';
import { ProcedureModel } from '../models/Procedure';
import { UserModel } from '../models/User';
import type { AppDeps } from '../http/app-deps';
import { mountRoute } from '../http/route';
import { lintProblems } from './designer-lint';
import { buildFormValidatorModule } from '../../forms/validation/form-module';
import { createHash } from 'node:crypto';

/** Generated validator modules by file name (hash of the code), the most recent `keptModules`. */
const validatorModules = new Map<string, string>();
const keptModules = 200;
/** Validator modules of stored form versions, by `formId@version` (versions are immutable). */
const formVersionModules = new Map<string, string>();

export function mountDesignerRoutes(router: Router, deps: AppDeps): void {
  mountRoute(router, designerRoutes.listVersions, async (_req, res) => {
    const { code } = res.locals.params as { code: string };
    // The diagrams are dropped here rather than by an exclusion projection: the embedded docstore used to apply
    // such a projection to the stored document itself (tests/docstore/array-projection.int.test.ts, fixed in 7d9ee09).
    const procedure = await ProcedureModel.findOne({ code }).lean();
    if (!procedure) throw notFound('procedure');
    const userIds = procedure.versions.flatMap((v) => [v.createdBy, v.publishedBy]).filter((id) => !!id);
    const users = userIds.length
      ? await UserModel.find({ _id: { $in: userIds } }, { displayName: 1 }).lean()
      : [];
    const nameOf = (id: unknown) => users.find((u) => String(u._id) === String(id))?.displayName ?? null;
    res.json({
      code,
      publishedVersion: procedure.publishedVersion,
      versions: [...procedure.versions]
        .sort((a, b) => b.version - a.version)
        .map(({ createdBy, publishedBy, bpmnXml: _x, ...version }) => ({
          ...version,
          author: nameOf(createdBy),
          publisher: publishedBy ? nameOf(publishedBy) : null,
        })),
    });
  });

  mountRoute(router, designerRoutes.publish, async (_req, res) => {
    const { code, version } = res.locals.params as { code: string; version: string };
    // Lint before anything is deployed, with the modeler's rules for the engine's Zeebe version. Other refusals
    // (not a draft, no diagram, unreadable diagram, forms) are publishVersion's.
    const procedure = await ProcedureModel.findOne({ code }, { versions: 1 }).lean();
    const draft = procedure?.versions.find((v) => v.version === Number(version) && v.status === 'draft');
    if (draft?.bpmnXml) {
      const problems = await lintProblems(draft.bpmnXml);
      if (problems.length) throw new ApiError(422, 'validation_failed', {}, problems);
    }
    const published = await publishVersion(code, Number(version), res.locals.ctx.auth!.user, deps.engine);
    await recordAudit(res.locals.ctx, {
      action: 'procedure.version.publish',
      target: { kind: 'procedure', key: code },
      details: {
        version: published.version,
        processDefinitionKey: published.deployment?.processDefinitionKey,
      },
    });
    const { createdBy: _c, publishedBy: _p, bpmnXml: _x, ...view } = published;
    res.json(view);
  });

  mountRoute(router, designerRoutes.listForms, async (_req, res) => {
    const { formId } = res.locals.params as { formId: string };
    res.json({ formId, versions: await formVersions(formId) });
  });

  mountRoute(router, designerRoutes.getForm, async (_req, res) => {
    const { formId, version } = res.locals.params as { formId: string; version: string };
    const form = await findForm(formId, version);
    if (!form) throw notFound('resource');
    res.json(form);
  });

  // Counter and task screens render designed form versions too, under the same no-eval CSP. A version never
  // changes once saved, so its module is generated once per process.
  mountRoute(router, designerRoutes.getFormVersionValidators, async (_req, res) => {
    const { formId, version } = res.locals.params as { formId: string; version: string };
    const key = `${formId}@${version}`;
    let code = formVersionModules.get(key);
    if (!code) {
      const form = await findForm(formId, version);
      if (!form) throw notFound('resource');
      code = buildFormValidatorModule({ schema: form.schema, uischema: form.uischema });
      formVersionModules.set(key, code);
    }
    res.type('text/javascript').send(code);
  });

  mountRoute(router, designerRoutes.saveForm, async (req, res) => {
    const { formId } = res.locals.params as { formId: string };
    const saved = await saveFormDesign(formId, req.body as SaveFormBody, res.locals.ctx.auth!.user.id);
    await recordAudit(res.locals.ctx, {
      action: 'form.version.create',
      target: { kind: 'form', key: formId },
      details: { version: saved.version },
    });
    res.status(201).json(saved);
  });

  // The form editor's live preview validates with these instead of compiling schemas in the browser: the page's
  // Content-Security-Policy has no 'unsafe-eval'. Generated by ajv here, imported by the page from this origin.
  mountRoute(router, designerRoutes.compileFormValidators, async (req, res) => {
    const { schema, uischema } = req.body as { schema: object; uischema: object };
    let code: string;
    try {
      code = buildFormValidatorModule({ schema, uischema });
    } catch (error) {
      const detail = (error as Error).message.slice(0, 300);
      throw new ApiError(422, 'validation_failed', {}, [
        {
          path: 'schema',
          text: {
            vi: `Lược đồ tờ khai không biên dịch được: ${detail}`,
            en: `The schema does not compile: ${detail}`,
          },
        },
      ]);
    }
    const file = `${createHash('sha256').update(code).digest('hex')}.js`;
    validatorModules.delete(file);
    validatorModules.set(file, code);
    for (const old of validatorModules.keys()) {
      if (validatorModules.size <= keptModules) break;
      validatorModules.delete(old);
    }
    res.status(201).json({ url: `/api/designer/form-validators/${file}` });
  });

  mountRoute(router, designerRoutes.getFormValidators, async (_req, res) => {
    const { file } = res.locals.params as { file: string };
    const code = validatorModules.get(file);
    if (!code) throw notFound('resource');
    res.type('text/javascript').send(code);
  });
}
