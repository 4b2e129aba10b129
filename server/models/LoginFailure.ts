// LoginFailure: the failed sign-ins of one account (across addresses) or one address (across accounts), kept in
// the store so every API process counts the same attempts; forgotten by the TTL index after a quiet window.
import { Schema, model, type InferSchemaType } from 'mongoose';

const loginFailureSchema = new Schema(
  {
    /** `account:<username>` or `address:<client address>` */
    _id: { type: String, required: true },
    failures: { type: Number, required: true },
    /** No attempt is checked before this instant (the growing delay); the epoch when there is none. */
    lockedUntil: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, strict: 'throw' },
);
loginFailureSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type LoginFailure = InferSchemaType<typeof loginFailureSchema>;
export const LoginFailureModel = model<LoginFailure>('LoginFailure', loginFailureSchema);
