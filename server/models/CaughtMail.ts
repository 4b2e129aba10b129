// CaughtMail: an e-mail the development mail catcher received in place of a real mail server (`npm start`
// with no SMTP_HOST), kept so a newcomer can read what applicants would have been sent at /dev/mail.
import { Schema, model } from 'mongoose';
import { schemaFields, schemaOptions, type StoredDocument } from './model-type';

const caughtMailFields = schemaFields({
  messageId: { type: String, maxlength: 300 },
  from: { type: String, required: true, maxlength: 300 },
  to: { type: [String], required: true },
  subject: { type: String, maxlength: 1000, default: '' },
  text: { type: String, maxlength: 100_000, default: '' },
  receivedAt: { type: Date, required: true, index: true },
});
const caughtMailOptions = schemaOptions({ strict: 'throw' });

export type CaughtMail = StoredDocument<typeof caughtMailFields, typeof caughtMailOptions>;

const caughtMailSchema = new Schema<CaughtMail>(caughtMailFields, caughtMailOptions);

export const CaughtMailModel = model<CaughtMail>('CaughtMail', caughtMailSchema);
