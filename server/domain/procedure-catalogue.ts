// Procedure catalogue writes: a new procedure with its first draft version, and further draft versions. Each
// write is one document; version numbers come from an atomic push guarded by the last number seen. A version
// whose body names no decision tables keeps those of the version it starts from (the one in force, else the last).
import { Types } from 'mongoose';
import type { CreateProcedureBody, VersionBody } from '../api-schemas/procedures';
import { ApiError, badRequest, notFound } from '../errors/api-error';
import type { AuthUser } from '../auth/caller';
import { AgencyModel } from '../models/Agency';
import {
  ProcedureModel,
  type DecisionResource,
  type Procedure,
  type ProcedureVersion,
} from '../models/Procedure';

function draftVersion(
  body: VersionBody,
  version: number,
  user: AuthUser,
  now: Date,
  inherited: DecisionResource[] = [],
): ProcedureVersion {
  return {
    version,
    status: 'draft',
    changelog: body.changelog ?? '',
    createdBy: user.id,
    createdAt: now,
    ...(body.effectiveFrom ? { effectiveFrom: new Date(body.effectiveFrom) } : {}),
    bpmnProcessId: body.bpmnProcessId,
    ...(body.bpmnXml !== undefined ? { bpmnXml: body.bpmnXml } : {}),
    decisions: (body.decisions ?? inherited).map(({ name, dmnXml }) => ({ name, dmnXml })),
    forms: body.forms ?? [],
    timeLimit: body.timeLimit,
    fees: body.fees ?? [],
    components: (body.components ?? []).map((c) => ({
      ...c,
      originals: c.originals ?? 0,
      copies: c.copies ?? 0,
    })),
    onlineLevel: body.onlineLevel ?? 'none',
  };
}

export async function createProcedure(
  body: CreateProcedureBody,
  user: AuthUser,
  now = new Date(),
): Promise<Procedure> {
  const codes = body.implementingAgencyCodes ?? [];
  const agencies = codes.length ? await AgencyModel.find({ code: { $in: codes } }, { code: 1 }).lean() : [];
  const missing = codes
    .map((code, index) => ({ code, index }))
    .filter(({ code }) => !agencies.some((a) => a.code === code));
  if (missing.length) {
    throw badRequest(
      missing.map(({ index }) => ({
        path: `implementingAgencyCodes[${index}]`,
        key: 'field_unknown_agency' as const,
      })),
    );
  }
  if (await ProcedureModel.exists({ code: body.code }))
    throw new ApiError(409, 'duplicate', { what: 'procedure', key: body.code });
  try {
    const created = await ProcedureModel.create({
      _id: new Types.ObjectId(),
      code: body.code,
      ...(body.localCode ? { localCode: body.localCode } : {}),
      names: body.names,
      field: body.field,
      level: body.level,
      implementingAgencies: agencies.map((a) => a._id),
      versions: [draftVersion(body.version, 1, user, now)],
      publishedVersion: null,
    });
    return created.toObject();
  } catch (error) {
    if ((error as { code?: number }).code === 11000)
      throw new ApiError(409, 'duplicate', { what: 'procedure', key: body.code });
    throw error;
  }
}

export async function addDraftVersion(
  code: string,
  body: VersionBody,
  user: AuthUser,
  now = new Date(),
): Promise<ProcedureVersion> {
  // Optimistic: the push only applies if no other version was added since we read the count.
  for (let attempt = 0; attempt < 5; attempt++) {
    const procedure = await ProcedureModel.findOne(
      { code },
      { 'versions.version': 1, 'versions.decisions': 1, publishedVersion: 1 },
    ).lean<Pick<Procedure, '_id' | 'versions' | 'publishedVersion'>>();
    if (!procedure) throw notFound('procedure');
    const count = procedure.versions.length;
    const next = Math.max(0, ...procedure.versions.map((v) => v.version)) + 1;
    const startsFrom =
      procedure.versions.find((v) => v.version === procedure.publishedVersion) ?? procedure.versions.at(-1);
    const version = draftVersion(body, next, user, now, startsFrom?.decisions ?? []);
    const result = await ProcedureModel.updateOne(
      { _id: procedure._id, versions: { $size: count } },
      { $push: { versions: version } },
    );
    if (result.modifiedCount === 1) return version;
  }
  throw new ApiError(409, 'duplicate', { what: 'procedureVersion', key: code });
}
