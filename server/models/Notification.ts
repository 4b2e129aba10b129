// Notification outbox: one row per message to an applicant, keyed by the worker effect that asked for it, so a
// retried job never queues (or sends) a second e-mail for the same step. The job only writes the row; the
// dispatcher of every worker process sends due rows on their own schedule (engine-worker/notification-dispatcher.ts).
import { Schema, model } from 'mongoose';
import { schemaFields, schemaOptions, type StoredDocument } from './model-type';

/**
 * pending — waiting for its next attempt (`nextAttemptAt`); sent — accepted by the mail server; failed — gave up
 * after the last attempt, kept for an officer to see; not-configured — no mail server was configured when asked.
 */
export const notificationStates = ['pending', 'sent', 'failed', 'not-configured'] as const;
export type NotificationState = (typeof notificationStates)[number];

const notificationFields = schemaFields({
  key: { type: String, required: true, unique: true },
  dossier: { type: Schema.Types.ObjectId, ref: 'Dossier', required: true, index: true },
  dossierCode: { type: String, required: true },
  channel: { type: String, required: true, enum: ['email'] as const },
  to: { type: String, required: true, maxlength: 200 },
  subject: { type: String, required: true, maxlength: 300 },
  text: { type: String, required: true, maxlength: 10_000 },
  state: { type: String, required: true, enum: notificationStates, default: 'pending' as const },
  /** The BPMN element whose job queued it, for the timeline event of its sending. */
  elementId: { type: String, maxlength: 200 },
  attempts: { type: Number, required: true, default: 0 },
  /**
   * When a pending row is next due. A dispatcher that claims the row moves it a lease ahead, so a worker that
   * dies while sending leaves the row to another once the lease runs out; unset once sent, failed or not sent.
   */
  nextAttemptAt: Date,
  lastError: { type: String, maxlength: 2000 },
  sentAt: Date,
});
const notificationOptions = schemaOptions({ timestamps: true, strict: 'throw' });

export type Notification = StoredDocument<typeof notificationFields, typeof notificationOptions>;

const notificationSchema = new Schema<Notification>(notificationFields, notificationOptions);
// The dispatcher's claim: due pending rows, oldest due first.
notificationSchema.index({ state: 1, nextAttemptAt: 1 });

export const NotificationModel = model<Notification>('Notification', notificationSchema);
