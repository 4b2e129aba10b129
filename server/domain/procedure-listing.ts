// The procedure catalogue's read side: a page of procedures, one procedure as its reader may see it, a
// procedure's versions with their authors' names (the designer's list), and a draft version's diagram (linted
// before publishing). Who sees drafts and diagrams is the caller's decision, passed in.
import type { VersionListAnswer } from '../api-schemas/designer';
import type {
  ListProceduresQuery,
  ProcedureAnswer,
  ProcedurePageAnswer,
  ProcedureVersionAnswer,
} from '../api-schemas/procedures';
import { notFound } from '../errors/api-error';
import { AgencyModel } from '../models/Agency';
import { ProcedureModel, type Procedure, type ProcedureVersion } from '../models/Procedure';
import { UserModel } from '../models/User';

/** What a reader sees: drafts and every diagram (designers, admins), or the published diagrams (officers, leaders). */
export interface ProcedureSight {
  withModels: boolean;
  withPublishedModels?: boolean;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A version as answered: dates as ISO strings, never its authors' ids, its diagram and decisions only `withDiagram`. */
export function versionAnswer(version: ProcedureVersion, withDiagram: boolean): ProcedureVersionAnswer {
  const {
    createdBy: _c,
    publishedBy: _p,
    bpmnXml,
    decisions,
    createdAt,
    publishedAt,
    retiredAt,
    effectiveFrom,
    deployment,
    ...kept
  } = version;
  return {
    ...kept,
    createdAt: createdAt.toISOString(),
    ...(publishedAt ? { publishedAt: publishedAt.toISOString() } : {}),
    ...(retiredAt ? { retiredAt: retiredAt.toISOString() } : {}),
    ...(effectiveFrom ? { effectiveFrom: effectiveFrom.toISOString() } : {}),
    ...(deployment ? { deployment: { ...deployment, deployedAt: deployment.deployedAt.toISOString() } } : {}),
    ...(withDiagram && bpmnXml !== undefined ? { bpmnXml } : {}),
    ...(withDiagram && decisions !== undefined ? { decisions } : {}),
  };
}

export async function procedureView(
  procedure: Procedure,
  { withModels, withPublishedModels }: ProcedureSight,
): Promise<ProcedureAnswer> {
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
      .map((version) => versionAnswer(version, withModels || !!withPublishedModels)),
  };
}

/** One page, by code; only published procedures unless the reader sees drafts. */
export async function listProcedures(
  query: ListProceduresQuery,
  { withModels }: ProcedureSight,
): Promise<ProcedurePageAnswer> {
  const filter: Record<string, unknown> = {};
  if (query.q) {
    const pattern = { $regex: escapeRegex(query.q), $options: 'i' };
    filter.$or = [{ code: pattern }, { 'names.vi': pattern }, { 'names.en': pattern }];
  }
  if (query.level) filter.level = query.level;
  if (query.published === true) filter.publishedVersion = { $ne: null };
  if (query.published === false) filter.publishedVersion = null;
  if (!withModels) filter.publishedVersion = { $ne: null };
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
  return {
    items: rows.slice(0, query.pageSize).map(({ _id, ...p }) => p),
    page: query.page,
    pageSize: query.pageSize,
    hasMore: rows.length > query.pageSize,
  };
}

/** The procedure as the reader sees it; 404 when unknown, or unpublished and the reader sees no drafts. */
export async function readProcedure(code: string, sight: ProcedureSight) {
  const { withModels, withPublishedModels } = sight;
  const procedure = await ProcedureModel.findOne(
    withModels ? { code } : { code, publishedVersion: { $ne: null } },
    withModels || withPublishedModels ? {} : { 'versions.bpmnXml': 0, 'versions.decisions': 0 },
  ).lean();
  if (!procedure) throw notFound('procedure');
  return procedureView(procedure, sight);
}

/** Newest first, without diagrams; 404 for an unknown procedure. */
export async function versionsWithAuthors(code: string): Promise<VersionListAnswer> {
  // The diagrams are dropped here rather than by an exclusion projection: the embedded docstore used to apply
  // such a projection to the stored document itself (tests/embedded/docstore/array-projection.int.test.ts, fixed in 7d9ee09).
  const procedure = await ProcedureModel.findOne({ code }).lean();
  if (!procedure) throw notFound('procedure');
  const userIds = procedure.versions.flatMap((v) => [v.createdBy, v.publishedBy]).filter((id) => !!id);
  const users = userIds.length
    ? await UserModel.find({ _id: { $in: userIds } }, { displayName: 1 }).lean()
    : [];
  const nameOf = (id: unknown) => users.find((u) => String(u._id) === String(id))?.displayName ?? null;
  return {
    code,
    publishedVersion: procedure.publishedVersion,
    versions: [...procedure.versions]
      .sort((a, b) => b.version - a.version)
      .map((version) => ({
        ...versionAnswer(version, false),
        author: nameOf(version.createdBy),
        publisher: version.publishedBy ? nameOf(version.publishedBy) : null,
      })),
  };
}

/** The diagram of the procedure's draft `version`, if that version is a draft and has one. */
export async function draftDiagram(code: string, version: number): Promise<string | undefined> {
  const procedure = await ProcedureModel.findOne({ code }, { versions: 1 }).lean();
  return procedure?.versions.find((v) => v.version === version && v.status === 'draft')?.bpmnXml;
}
