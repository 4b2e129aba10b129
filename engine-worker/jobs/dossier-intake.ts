// dossier.intake (Tiếp nhận hồ sơ): completeness against the procedure version's required components and the
// declaration against its form's schema; a complete dossier is received (status 2) with its appointment from
// the working-day calendar and the receipt slip (Mẫu 01). Its outputs carry the facts the decision tables read.
import { validateDeclaration } from '../../forms/validation';
import { computeDueDate } from '../../processes/calendar';
import { getForm } from '../../forms/registry';
import { findForm } from '../../server/domain/form-designs';
import type { Dossier } from '../../server/models/Dossier';
import { currentCalendar } from '../calendar-source';
import { decisionFacts } from './dossier-intake-facts';
import { effectKey, jobActor, loadDossier, toVietnamIso } from '../dossier-job';
import type { JobDefinition, WorkerJob } from '../job-handler';
import type { StoredReceipt } from '../../server/slips/receipt/data';
import { issueSlip } from '../slips';
import type { WorkerDeps } from '../worker-deps';

export function missingComponents(dossier: Pick<Dossier, 'procedure' | 'documents'>): string[] {
  const present = new Set(
    dossier.documents.filter((d) => d.original || d.fileIds.length > 0).map((d) => d.component),
  );
  return dossier.procedure.components.filter((c) => c.required && !present.has(c.id)).map((c) => c.id);
}

export async function declarationProblems(dossier: Pick<Dossier, 'declaration'>): Promise<string[]> {
  const { formId, formVersion } = dossier.declaration;
  if (!formId) return [];
  // Designed versions live in the store, shipped ones in the bundle: findForm answers both.
  const form = formVersion ? await findForm(formId, formVersion) : getForm(formId);
  if (!form) return [`Không tìm thấy biểu mẫu ${formId} phiên bản ${formVersion ?? '?'}`];
  const result = validateDeclaration(form, dossier.declaration.data, { lang: 'vi' });
  return result.errors.map((e) => `${e.field}: ${e.message}`);
}

function outputs(dossier: Dossier, missing: string[], problems: string[], warnAt?: Date | null) {
  return {
    accepted: dossier.status !== 1 && dossier.status !== 3 && !!dossier.receivedAt,
    missingComponents: missing,
    declarationProblems: problems,
    ...(dossier.appointmentAt ? { appointmentAt: toVietnamIso(dossier.appointmentAt) } : {}),
    ...(dossier.dueAt ? { dueAt: toVietnamIso(dossier.dueAt) } : {}),
    ...(warnAt ? { warnAt: toVietnamIso(warnAt) } : {}),
    ...decisionFacts(dossier),
  };
}

async function intake(deps: WorkerDeps, job: WorkerJob) {
  const dossier = await loadDossier(job);
  const missing = missingComponents(dossier);
  const problems = await declarationProblems(dossier);
  if (dossier.receivedAt || missing.length || problems.length) return outputs(dossier, missing, problems);

  const receivedAt = dossier.submittedAt;
  const due = computeDueDate({
    receivedAt,
    timeLimit: dossier.procedure.timeLimit,
    channel: dossier.channel,
    calendar: await currentCalendar(deps.logger),
  });
  const receipt: StoredReceipt = {
    agencyCode: dossier.receivingAgencyCode,
    dossierCode: dossier.code,
    applicant: dossier.applicant,
    procedure: { code: dossier.procedure.code, name: dossier.procedure.name },
    components: dossier.procedure.components.map((c) => ({
      name: c.name,
      originals: c.originals,
      copies: c.copies,
      provided: dossier.documents.some((d) => d.component === c.id),
    })),
    receivedAt: receivedAt.toISOString(),
    appointmentAt: due.dueAt?.toISOString(),
    returnChannel: dossier.returnChannel ?? 'counter',
  };
  const received = await issueSlip(dossier, 'receipt', effectKey(job, 'received'), receipt, {
    actor: await jobActor(job, dossier),
    action: 'dossier.accepted',
    status: 2,
    onlyFrom: [1],
    elementId: job.elementId,
    set: { receivedAt, ...(due.dueAt ? { appointmentAt: due.dueAt, dueAt: due.dueAt } : {}) },
  });
  return outputs(received ?? dossier, missing, problems, due.warnAt);
}

export function intakeJob(deps: WorkerDeps): JobDefinition {
  return { type: 'dossier.intake', handler: (job) => intake(deps, job) };
}
