// Session: a signed-in browser. Stored (under an HMAC of its token, never the token) so sessions survive a
// restart and end at once on logout or when the user is disabled.
import { Schema, model } from 'mongoose';
import { schemaFields, schemaOptions, type StoredDocument } from './model-type';

const sessionFields = schemaFields({
  _id: { type: String, required: true },
  user: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
  csrfToken: { type: String, required: true },
  createdAt: { type: Date, required: true },
  expiresAt: { type: Date, required: true },
  ip: { type: String, maxlength: 100 },
  userAgent: { type: String, maxlength: 300 },
});
const sessionOptions = schemaOptions({ strict: 'throw', versionKey: false });

export type Session = StoredDocument<typeof sessionFields, typeof sessionOptions>;

const sessionSchema = new Schema<Session>(sessionFields, sessionOptions);
sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export const SessionModel = model<Session>('Session', sessionSchema);
