// Notification outbox: one row per message to an applicant, written before it is sent and keyed by the worker
// effect that asked for it, so a retried job never sends a second e-mail for the same step.
import { Schema, model, type Types } from 'mongoose';

export const notificationStates = ['pending', 'sent', 'failed'] as const;

export interface Notification {
  _id: Types.ObjectId;
  key: string;
  dossier: Types.ObjectId;
  dossierCode: string;
  channel: 'email';
  to: string;
  subject: string;
  text: string;
  state: (typeof notificationStates)[number];
  attempts: number;
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
    attempts: { type: Number, required: true, default: 0 },
    lastError: String,
    sentAt: Date,
  },
  { timestamps: true, strict: 'throw' },
);

export const NotificationModel = model<Notification>('Notification', notificationSchema);
