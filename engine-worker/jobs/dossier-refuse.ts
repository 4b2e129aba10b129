// dossier.refuse (Từ chối / dừng giải quyết), task header `kind`:
// refuse   — refusal in writing with reasons (Mẫu 03), status 3;
// stop     — stop-processing notice (Mẫu 05), status 8;
// withdraw — the applicant's withdrawal accepted, status 7 (no slip).
import { changeDossier } from '../../server/domain/dossier-events';
import { effectKey, header, jobActor, loadDossier } from '../dossier-job';
import type { JobDefinition, WorkerJob } from '../job-handler';
import type { StoredRefusal } from '../../server/slips/refusal/data';
import type { StoredStopNotice } from '../../server/slips/stop-notice/data';
import { issueSlip } from '../slips';

async function refuse(job: WorkerJob) {
  const dossier = await loadDossier(job);
  const actor = await jobActor(job, dossier);
  const kind = header(job, 'kind', ['refuse', 'stop', 'withdraw']);
  const key = effectKey(job, kind);
  const reason = String(job.variables.refusalReason ?? job.variables.reason ?? '').slice(0, 2000);
  if (kind === 'withdraw') {
    await changeDossier(dossier._id, {
      event: { actor, action: 'dossier.withdrawn', key, elementId: job.elementId },
      status: 7,
      onlyFrom: [1, 2, 4, 5, 6],
    });
    return {};
  }
  if (!reason)
    throw new Error(`Task ${job.elementId}: lý do (refusalReason) là bắt buộc khi từ chối hoặc dừng`);
  // A refusal (Mẫu 03) and a stop notice (Mẫu 05) store the same: the reason and when the dossier was received.
  const data: StoredRefusal & StoredStopNotice = {
    agencyCode: dossier.receivingAgencyCode,
    dossierCode: dossier.code,
    applicant: dossier.applicant,
    procedure: { code: dossier.procedure.code, name: dossier.procedure.name },
    receivedAt: (dossier.receivedAt ?? dossier.submittedAt).toISOString(),
    reason,
  };
  await issueSlip(dossier, kind === 'refuse' ? 'refusal' : 'stop-notice', key, data, {
    action: kind === 'refuse' ? 'dossier.refused' : 'dossier.stopped',
    status: kind === 'refuse' ? 3 : 8,
    onlyFrom: [1, 2, 4, 5, 6],
    actor,
    elementId: job.elementId,
    note: reason,
  });
  return {};
}

export const refuseJob: JobDefinition = { type: 'dossier.refuse', handler: refuse };
