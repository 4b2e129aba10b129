// dossier.notify (Thông báo cho người nộp): the e-mail named by the `template` header, through the outbox.
import { changeDossier } from '../../server/domain/dossier-events';
import { effectKey, header, loadDossier, systemActor } from '../dossier-job';
import type { JobDefinition, WorkerJob } from '../job-handler';
import { messageTemplates } from '../message-templates';
import type { WorkerDeps } from '../worker-deps';

const timelineOf = {
  queued: { action: 'notification.queued', note: 'Thư thông báo đã được đưa vào hàng đợi gửi' },
  'not-configured': {
    action: 'notification.not-configured',
    note: 'Chưa cấu hình máy chủ thư (SMTP_HOST): thư thông báo không được gửi',
  },
  'no-address': { action: 'notification.skipped', note: 'Người nộp không có địa chỉ thư điện tử' },
} as const;

export function notifyJob(deps: WorkerDeps): JobDefinition {
  return {
    type: 'dossier.notify',
    async handler(job: WorkerJob) {
      const dossier = await loadDossier(job);
      const name = header(job, 'template', Object.keys(messageTemplates));
      const message = messageTemplates[name]!(dossier, deps.publicUrl);
      const key = effectKey(job, `notify:${name}`);
      // Queued, not sent: the outbox's dispatcher sends it, so a mail server that is down holds up nothing.
      const outcome = await deps.outbox.enqueue({ key, dossier, elementId: job.elementId, ...message });
      await changeDossier(dossier._id, {
        event: { actor: systemActor, ...timelineOf[outcome], key, elementId: job.elementId },
      });
      return { notified: outcome === 'queued' };
    },
  };
}
