// dossier.fee (Thu phí, lệ phí): the fees of the procedure version due at this point (`collectAt` header),
// recorded on the timeline; a dossier with an amount to pay waits in status 6 until the officer records payment.
// An exemption the procedure's fee table decided (`feeDecision`, from a business rule task) waives them.
import { FEE_COLLECTION_POINTS } from '../../processes/procedure-vocabulary';
import { changeDossier } from '../../server/domain/dossier-events';
import { effectKey, header, jobActor, loadDossier } from '../dossier-job';
import type { JobDefinition, WorkerJob } from '../job-handler';

/** The legal ground when the procedure's fee table (contract: `feeDecision`) exempts this dossier. */
function exemptionBasis(job: WorkerJob): string | undefined {
  const decided = job.variables.feeDecision as { exempt?: unknown; basis?: unknown } | null | undefined;
  if (decided?.exempt !== true) return undefined;
  return typeof decided.basis === 'string' && decided.basis !== '' ? decided.basis : 'bảng quyết định lệ phí';
}

async function fee(job: WorkerJob) {
  const dossier = await loadDossier(job);
  const collectAt = header(job, 'collectAt', FEE_COLLECTION_POINTS);
  const basis = exemptionBasis(job);
  const due = basis ? [] : dossier.fees.filter((f) => f.collectAt === collectAt && !f.paidAt);
  const amount = due.reduce((total, f) => total + f.amount, 0);
  await changeDossier(dossier._id, {
    event: {
      actor: await jobActor(job, dossier),
      action: 'fee.assessed',
      key: effectKey(job, 'fee'),
      elementId: job.elementId,
      note: basis
        ? `0 đồng (miễn lệ phí: ${basis})`
        : `${amount.toLocaleString('vi-VN')} đồng (${due.map((f) => f.name).join('; ') || 'miễn phí'})`,
    },
    ...(amount > 0 ? { status: 6 as const, onlyFrom: [1, 2, 4] as (1 | 2 | 4)[] } : {}),
  });
  return { feeAmount: amount, feePaid: amount === 0 };
}

export const feeJob: JobDefinition = { type: 'dossier.fee', handler: fee };
