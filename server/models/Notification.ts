// Notification outbox: one row per message to an applicant, keyed by the worker effect that asked for it, so a
// retried job never queues (or sends) a second e-mail for the same step. The job only writes the row; the
// dispatcher of every worker process sends due rows on their own schedule (engine-worker/notification-dispatcher.ts).
import { Schema, model, type Types } from 'mongoose';

/**
 * pending — waiting for its next attempt (`nextAttemptAt`); sent — accepted by the mail server; failed — gave up
 * after the last attempt, kept for an officer to see; not-configured — no mail server was configured when asked.
 */
export const notificationStates = ['pending', 'sent', 'failed', 'not-configured'] as const;
export type NotificationState = (typeof notificationStates)[number];

export interface Notification {
  _id: Types.ObjectId;
  key: string;
  dossier: Types.ObjectId;
  dossierCode: string;
  channel: 'email';
  to: string;
  subject: string;
  text: string;
  state: NotificationState;
  attempts: number;
  /** The BPMN element whose job queued it, for the timeline event of its sending. */
  elementId?: string;
  /**
   * When a pending row is next due. A dispatcher that claims the row moves it a lease ahead, so a worker that
   * dies while sending leaves the row to another once the lease runs out; unset once sent, failed or not sent.
   */
  nextAttemptAt?: Date;
  lastError?: string;
  sentAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const notificationSchema = new Schema<Notification>(
  {
    key: { type: String, required: true, unique: true },
    dossier: { type: Schema.Types.ObjectId, ref: 'Dossier', required: true, index: true },
    dossierCode: { type: String, required: true },
    channel: { type: String, required: true, enum: ['email'] },
    to: { type: String, required: true, maxlength: 200 },
    subject: { type: String, required: true, maxlength: 300 },
    text: { type: String, required: true, maxlength: 10_000 },
    state: { type: String, required: true, enum: notificationStates, default: 'pending' },
    elementId: { type: String, maxlength: 200 },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: Date,
    lastError: { type: String, maxlength: 2000 },
    sentAt: Date,
  },
  { timestamps: true, strict: 'throw' },
);
// The dispatcher's claim: due pending rows, oldest due first.
notificationSchema.index({ state: 1, nextAttemptAt: 1 });

export const NotificationModel = model<Notification>('Notification', notificationSchema);
