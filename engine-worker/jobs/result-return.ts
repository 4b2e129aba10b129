// result.return (Trả kết quả), task header `action`:
// ready     — processing finished: status 9, classified early / on time / late against the legal due date
//             as the national index counts it, the applicant told the result is ready;
// delivered — the result handed over (counter, post or online): status 10, the result documents uploaded by the
//             officers (POST /api/dossiers/:code/result-documents) recorded on the timeline and named in the
//             e-mail with the satisfaction-rating link.
import { classifyCompletion } from '../../processes/calendar';
import { changeDossier } from '../../server/domain/dossier-events';
import type { Dossier } from '../../server/models/Dossier';
import { effectKey, header, loadDossier, systemActor, toVietnamIso } from '../dossier-job';
import type { JobDefinition, WorkerJob } from '../job-handler';
import { messageTemplates } from '../message-templates';
import type { WorkerDeps } from '../worker-deps';

/** More than one supplement request counts the dossier late (Decision 766/QĐ-TTg). */
export function completionTiming(dossier: Dossier, finishedAt: Date) {
  if ((dossier.supplementRequests ?? []).length > 1) return 'late' as const;
  if (!dossier.dueAt) return 'on-time' as const;
  return classifyCompletion(finishedAt, dossier.dueAt, dossier.procedure.timeLimit.unit);
}

export function resultReturnJob(deps: WorkerDeps): JobDefinition {
  return {
    type: 'result.return',
    async handler(job: WorkerJob) {
      const dossier = await loadDossier(job);
      const action = header(job, 'action', ['ready', 'delivered']);
      const key = effectKey(job, action);
      const now = new Date();
      if (action === 'ready') {
        const finishedAt = dossier.resolvedAt ?? now;
        const timing = dossier.completionTiming ?? completionTiming(dossier, finishedAt);
        const changed = await changeDossier(dossier._id, {
          event: {
            actor: systemActor,
            action: 'dossier.resolved',
            key,
            elementId: job.elementId,
            note: timing,
          },
          status: 9,
          subStatus: 'awaiting-return',
          onlyFrom: [2, 4, 6],
          set: { resolvedAt: finishedAt, completionTiming: timing },
        });
        const current = changed ?? dossier;
        const message = messageTemplates['co-ket-qua']!(current, deps.publicUrl);
        await deps.outbox.enqueue({
          key: `${key}:mail`,
          dossier: current,
          elementId: job.elementId,
          ...message,
        });
        return {
          resultReadyAt: toVietnamIso(current.resolvedAt ?? finishedAt),
          completionTiming: timing,
          resultDocuments: (current.result?.documents ?? []).map((d) => d.name),
        };
      }
      // The counter officer records how the result left (task HandOverResult): counter, post or online.
      const channel = job.variables.returnChannel;
      const returnChannel =
        channel === 'counter' || channel === 'post' || channel === 'online' ? channel : undefined;
      const receivedBy =
        typeof job.variables.receivedBy === 'string' ? job.variables.receivedBy.slice(0, 200) : '';
      // The result documents handed over are the ones on the dossier now (uploaded at the return screen).
      const documents = (dossier.result?.documents ?? []).map((d) => d.name);
      const handedOver = documents.length ? `giấy tờ kết quả: ${documents.join('; ')}` : '';
      const changed = await changeDossier(dossier._id, {
        event: {
          actor: systemActor,
          action: 'dossier.delivered',
          key,
          elementId: job.elementId,
          ...(returnChannel || receivedBy || handedOver
            ? { note: [returnChannel, receivedBy, handedOver].filter(Boolean).join(' — ').slice(0, 2000) }
            : {}),
        },
        status: 10,
        subStatus: null,
        onlyFrom: [9],
        set: { returnedAt: now, ...(returnChannel ? { returnChannel } : {}) },
      });
      const current = changed ?? dossier;
      const message = messageTemplates['da-tra-ket-qua']!(current, deps.publicUrl);
      await deps.outbox.enqueue({
        key: `${key}:mail`,
        dossier: current,
        elementId: job.elementId,
        ...message,
      });
      return { resultDocuments: documents };
    },
  };
}
