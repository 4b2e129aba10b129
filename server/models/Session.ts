// Session: a signed-in browser. Stored (under an HMAC of its token, never the token) so sessions survive a
// restart and end at once on logout or when the user is disabled.
import { Schema, model, type Types } from 'mongoose';

export interface Session {
  _id: string;
  user: Types.ObjectId;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  ip?: string;
  userAgent?: string;
}

const sessionSchema = new Schema<Session>(
  {
    _id: { type: String, required: true },
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    csrfToken: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    ip: { type: String, maxlength: 100 },
    userAgent: { type: String, maxlength: 300 },
  },
  { strict: 'throw', versionKey: false },
);
sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export const SessionModel = model<Session>('Session', sessionSchema);
