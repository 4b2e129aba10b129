// dossier.supplement (Yêu cầu bổ sung hồ sơ): one complete written guidance (Mẫu 02) listing what is missing,
// status 5, and the legal clock stops until the citizen's supplement arrives (message dossier.supplemented).
// Slip, status and the start of the pause are one keyed update, so a retried job pauses once.
import type { JobDefinition, WorkerJob } from '../job-handler';
import { effectKey, jobActor, loadDossier } from '../dossier-job';
import type { StoredSupplementRequest } from '../../server/slips/supplement-request/data';
import { issueSlip } from '../slips';

async function supplement(job: WorkerJob) {
  const dossier = await loadDossier(job);
  const key = effectKey(job, 'supplement');
  const requested = Array.isArray(job.variables.missingComponents)
    ? (job.variables.missingComponents as unknown[]).map(String)
    : [];
  const reason =
    typeof job.variables.supplementReason === 'string' ? job.variables.supplementReason : undefined;
  const names = dossier.procedure.components.filter((c) => requested.includes(c.id)).map((c) => c.name);
  const requestedAt = new Date();
  const slip: StoredSupplementRequest = {
    agencyCode: dossier.receivingAgencyCode,
    dossierCode: dossier.code,
    applicant: dossier.applicant,
    procedure: { code: dossier.procedure.code, name: dossier.procedure.name },
    missing: names.length ? names : requested,
    reason: reason ?? '',
    requestedAt: requestedAt.toISOString(),
  };
  await issueSlip(dossier, 'supplement-request', key, slip, {
    action: 'dossier.supplement-requested',
    status: 5,
    actor: await jobActor(job, dossier),
    onlyFrom: [1, 2, 4],
    elementId: job.elementId,
    ...(reason ? { note: reason.slice(0, 2000) } : {}),
    push: {
      supplementRequests: { key, requestedAt, missingComponents: requested, ...(reason ? { reason } : {}) },
    },
  });
  return {};
}

export const supplementJob: JobDefinition = { type: 'dossier.supplement', handler: supplement };
