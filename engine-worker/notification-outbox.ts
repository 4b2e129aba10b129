// Queuing an e-mail to the applicant: one outbox row per worker effect key, written once and read back on a
// retried job, so a job never asks twice. The job goes on at once; the dispatcher of every worker process sends
// the row on its own schedule (notification-dispatcher.ts), so a mail server that is down holds up no dossier.
import type { Dossier } from '../server/models/Dossier';
import { NotificationModel, type NotificationState } from '../server/models/Notification';

export type QueuedOutcome = 'queued' | 'not-configured' | 'no-address';

export interface Outbox {
  enqueue(input: {
    key: string;
    dossier: Dossier;
    /** The BPMN element that asked, named again on the timeline when the message goes out. */
    elementId: string;
    subject: string;
    text: string;
  }): Promise<QueuedOutcome>;
}

const duplicateKey = (error: unknown) => (error as { code?: unknown }).code === 11000;

/** `mailConfigured`: a mail server is set (SMTP_HOST or the development catcher); without one rows are kept as not-configured. */
export function createOutbox(options: { mailConfigured: boolean; onQueued?: () => void }): Outbox {
  return {
    async enqueue({ key, dossier, elementId, subject, text }) {
      const to = dossier.applicant.email;
      if (!to) return 'no-address';
      const state: NotificationState = options.mailConfigured ? 'pending' : 'not-configured';
      const insert = {
        key,
        dossier: dossier._id,
        dossierCode: dossier.code,
        elementId,
        channel: 'email' as const,
        to,
        subject,
        text,
        state,
        attempts: 0,
        ...(state === 'pending' ? { nextAttemptAt: new Date() } : {}),
      };
      const upsert = () =>
        NotificationModel.findOneAndUpdate(
          { key },
          { $setOnInsert: insert },
          { upsert: true, returnDocument: 'after', lean: true },
        );
      // Two deliveries of one job racing on the unique key: the loser reads the winner's row.
      const row = await upsert().catch((error: unknown) => {
        if (duplicateKey(error)) return NotificationModel.findOne({ key }).lean();
        throw error;
      });
      if (row?.state === 'not-configured') return 'not-configured';
      if (row?.state === 'pending') options.onQueued?.();
      return 'queued';
    },
  };
}
