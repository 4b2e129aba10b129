// Submission of a dossier at the counter or online: checks who may file where, picks the procedure version in
// force, gives the dossier its national code and receipt secret and stores it with status 1 (Mới đăng ký).
// A repeated idempotency key returns the dossier created the first time. This is the seam where the process
// start and the receipt slip attach: callers get the stored dossier and the plain receipt secret.
// Each write carries its own audit record (`dossier.create` in the insert, the receipt secret's reissue in a
// replay's update), so no crash can separate an action from its record; the caller drains them to AuditEvent.
import { Types } from 'mongoose';
import { ApiError, badRequest, forbidden } from '../errors/api-error';
import type { AuthUser, RequestContext } from '../auth/caller';
import type { SubmitDossierBody } from '../api-schemas/dossiers';
import { AgencyModel, type Agency } from '../models/Agency';
import { DossierModel, type Dossier, type WrittenTimelineEvent } from '../models/Dossier';
import { ProcedureModel, type Procedure, type ProcedureVersion } from '../models/Procedure';
import { pendingAuditRecord } from './audit-trail';
import { checkDeclaration } from './declaration-check';
import { checkListedFiles } from './document-files';
import { changeDossier } from './dossier-events';
import { formatDossierCode, receiptDay } from './dossier-code';
import { nextDossierSequence } from './dossier-sequence';
import { generateReceiptSecret, hashReceiptSecret } from './receipt-secret';

export interface SubmissionResult {
  dossier: Dossier;
  receiptSecret: string;
  /** False when the idempotency key matched an earlier submission. */
  created: boolean;
}

const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

async function receivingAgency(body: SubmitDossierBody, user: AuthUser): Promise<Agency> {
  if (user.roles.includes('officer')) {
    // Counter and postal filings are received where the officer works.
    if (!user.agency) throw forbidden();
    if (body.channel === 'online') {
      throw badRequest([
        {
          path: 'channel',
          text: {
            vi: 'Cán bộ tiếp nhận tại quầy hoặc qua bưu chính',
            en: 'Officers receive counter or postal filings',
          },
        },
      ]);
    }
    if (body.agencyCode && body.agencyCode !== user.agency.code) throw forbidden();
    const agency = await AgencyModel.findById(user.agency.id).lean();
    if (!agency) throw forbidden();
    return agency;
  }
  if (body.channel !== 'online') {
    throw badRequest([
      { path: 'channel', text: { vi: 'Công dân chỉ nộp hồ sơ trực tuyến', en: 'Citizens file online only' } },
    ]);
  }
  if (!body.agencyCode) throw badRequest([{ path: 'agencyCode', key: 'field_required' }]);
  const agency = await AgencyModel.findOne({ code: body.agencyCode }).lean();
  if (!agency) throw badRequest([{ path: 'agencyCode', key: 'field_unknown_agency' }]);
  return agency;
}

function versionInForce(procedure: Procedure): ProcedureVersion {
  const version = procedure.versions.find(
    (v) => v.version === procedure.publishedVersion && v.status === 'published',
  );
  if (!version)
    throw badRequest([
      { path: 'procedureCode', key: 'procedure_not_published', params: { code: procedure.code } },
    ]);
  return version;
}

function receives(procedure: Procedure, agency: Agency): boolean {
  if (procedure.implementingAgencies.length > 0)
    return procedure.implementingAgencies.some((id) => id.equals(agency._id));
  return procedure.level === agency.level;
}

function sameSubmission(dossier: Dossier, body: SubmitDossierBody): boolean {
  return (
    dossier.procedure.code === body.procedureCode && dossier.applicant.idNumber === body.applicant.idNumber
  );
}

const auditTarget = (dossier: Pick<Dossier, '_id' | 'code'>) => ({
  kind: 'dossier',
  id: dossier._id.toHexString(),
  key: dossier.code,
});

const auditDetails = (dossier: Pick<Dossier, 'channel' | 'procedure'>) => ({
  channel: dossier.channel,
  procedureCode: dossier.procedure.code,
});

/** A retried submission: the same dossier, with a new receipt secret since only the hash of the first was kept. */
async function replay(
  existing: Dossier,
  body: SubmitDossierBody,
  ctx: RequestContext | undefined,
): Promise<SubmissionResult> {
  if (!sameSubmission(existing, body)) throw new ApiError(409, 'idempotency_conflict');
  const receiptSecret = generateReceiptSecret();
  // What a replay does is issue a new secret: that, not a second creation, is what its record says.
  const reissued = pendingAuditRecord(
    ctx,
    {
      action: 'dossier.receipt-secret.reissue',
      target: auditTarget(existing),
      details: auditDetails(existing),
    },
    `dossier.receipt-secret.reissue:${new Types.ObjectId().toHexString()}`,
  );
  const dossier = await changeDossier(existing._id, {
    set: { receiptSecretHash: await hashReceiptSecret(receiptSecret) },
    push: { pendingAudit: reissued },
  });
  return { dossier: dossier!, receiptSecret, created: false };
}

export async function submitDossier(
  body: SubmitDossierBody,
  user: AuthUser,
  options: { ctx?: RequestContext; now?: Date } = {},
): Promise<SubmissionResult> {
  const { ctx, now = new Date() } = options;
  const idempotencyKey = body.idempotencyKey ? `${user.id.toHexString()}:${body.idempotencyKey}` : undefined;
  if (idempotencyKey) {
    const existing = await DossierModel.findOne({ idempotencyKey }).lean();
    if (existing) return replay(existing, body, ctx);
  }

  const agency = await receivingAgency(body, user);
  const procedure = await ProcedureModel.findOne({ code: body.procedureCode }).lean();
  if (!procedure) throw badRequest([{ path: 'procedureCode', key: 'field_unknown_procedure' }]);
  const version = versionInForce(procedure);
  if (!receives(procedure, agency)) {
    throw badRequest([
      {
        path: body.agencyCode ? 'agencyCode' : 'procedureCode',
        key: 'agency_not_implementing',
        params: { agency: agency.name, code: procedure.code },
      },
    ]);
  }
  const knownComponents = new Set(version.components.map((c) => c.id));
  const unknownDocuments = (body.documents ?? [])
    .map((document, index) => ({ document, index }))
    .filter(({ document }) => !knownComponents.has(document.component))
    .map(({ index }) => ({
      path: `documents[${index}].component`,
      key: 'field_enum' as const,
      params: { values: [...knownComponents].join(', ') },
    }));
  if (unknownDocuments.length) throw badRequest(unknownDocuments);
  // Files are uploaded to a dossier once it exists: a new dossier lists none (another dossier's files included).
  await checkListedFiles(body.documents ?? [], undefined);
  await checkDeclaration(version.forms[0], body.declaration.data, { complete: body.channel === 'online' });

  const receiptSecret = generateReceiptSecret();
  const receiptSecretHash = await hashReceiptSecret(receiptSecret);
  const day = receiptDay(now);
  const code = formatDossierCode(agency.code, day, await nextDossierSequence(agency.code, day));

  const form = version.forms[0];
  const _id = new Types.ObjectId();
  const dossier: Omit<Dossier, 'createdAt' | 'updatedAt'> = {
    _id,
    code,
    procedure: {
      id: procedure._id,
      code: procedure.code,
      name: procedure.names.vi,
      version: version.version,
      bpmnProcessId: version.bpmnProcessId,
      ...(version.deployment ? { processVersion: version.deployment.processVersion } : {}),
      forms: version.forms,
      timeLimit: version.timeLimit,
      components: version.components,
    },
    receivingAgency: agency._id,
    receivingAgencyCode: agency.code,
    currentAgency: agency._id,
    visibleToAgencies: [agency._id],
    applicant: body.applicant,
    channel: body.channel,
    ...(body.queueTicket ? { queueTicket: body.queueTicket } : {}),
    declaration: {
      ...(form ? { formId: form.formId, formVersion: form.formVersion } : {}),
      data: body.declaration.data,
    },
    documents: (body.documents ?? []).map((d) => ({
      component: d.component,
      ...(d.name ? { name: d.name } : {}),
      fileIds: d.fileIds ?? [],
      digitised: false,
      original: d.original ?? false,
    })),
    status: 1,
    submittedAt: now,
    stepDeadlines: [],
    slips: [],
    handovers: [],
    supplementRequests: [],
    timeline: [
      {
        at: now,
        actor: {
          kind: user.roles.includes('officer') ? 'user' : 'citizen',
          userId: user.id,
          username: user.username,
        },
        action: 'dossier.submitted',
        status: 1,
        agency: agency._id,
        agencyCode: agency.code,
      } satisfies WrittenTimelineEvent,
    ],
    ...(body.returnChannel ? { returnChannel: body.returnChannel } : {}),
    fees: version.fees,
    receiptSecretHash,
    ...(idempotencyKey ? { idempotencyKey } : {}),
    createdBy: user.id,
    pendingAudit: [
      pendingAuditRecord(
        ctx,
        {
          action: 'dossier.create',
          target: auditTarget({ _id, code }),
          details: { channel: body.channel, procedureCode: procedure.code },
        },
        `dossier.create:${_id.toHexString()}`,
        now,
      ),
    ],
  };
  try {
    const created = await DossierModel.create(dossier);
    return { dossier: created.toObject(), receiptSecret, created: true };
  } catch (error) {
    // Two copies of one retried request raced past the first check; the index let one in.
    if (idempotencyKey && isDuplicateKey(error)) {
      const existing = await DossierModel.findOne({ idempotencyKey }).lean();
      if (existing) return replay(existing, body, ctx);
    }
    throw error;
  }
}
