// CaughtMail: an e-mail the development mail catcher received in place of a real mail server (`npm start`
// with no SMTP_HOST), kept so a newcomer can read what applicants would have been sent at /dev/mail.
import { Schema, model, type Types } from 'mongoose';

export interface CaughtMail {
  _id: Types.ObjectId;
  messageId?: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  receivedAt: Date;
}

const caughtMailSchema = new Schema<CaughtMail>(
  {
    messageId: { type: String, maxlength: 300 },
    from: { type: String, required: true, maxlength: 300 },
    to: { type: [String], required: true },
    subject: { type: String, maxlength: 1000, default: '' },
    text: { type: String, maxlength: 100_000, default: '' },
    receivedAt: { type: Date, required: true, index: true },
  },
  { strict: 'throw' },
);

export const CaughtMailModel = model<CaughtMail>('CaughtMail', caughtMailSchema);
