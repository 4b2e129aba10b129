// dossier.notify (Thông báo cho người nộp): the e-mail named by the `template` header, through the outbox.
import { changeDossier } from '../../server/domain/dossier-events';
import { effectKey, header, jobActor, loadDossier } from '../dossier-job';
import type { JobDefinition, WorkerJob } from '../job-handler';
import { messageTemplates } from '../message-templates';
import type { WorkerDeps } from '../worker-deps';

export function notifyJob(deps: WorkerDeps): JobDefinition {
  return {
    type: 'dossier.notify',
    async handler(job: WorkerJob) {
      const dossier = await loadDossier(job);
      const name = header(job, 'template', Object.keys(messageTemplates));
      const message = messageTemplates[name]!(dossier, deps.publicUrl);
      const key = effectKey(job, `notify:${name}`);
      const outcome = await deps.mailer.send({ key, dossier, ...message });
      await changeDossier(dossier._id, {
        event: {
          actor: await jobActor(job, dossier),
          action: outcome === 'sent' ? 'notification.sent' : 'notification.skipped',
          key,
          elementId: job.elementId,
          note: outcome === 'sent' ? message.subject : 'Người nộp không có địa chỉ thư điện tử',
        },
      });
      return { notified: outcome === 'sent' };
    },
  };
}
