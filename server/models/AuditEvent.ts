// AuditEvent: append-only record of every write — who did what to which record, from where. Updates and
// deletes through the model are refused. A record kept on its document until drained (the dossier's
// pendingAudit) has a key, unique here, so a drain that runs twice writes it once.
import { Schema, model, type Types } from 'mongoose';
import { auditActions, type AuditAction } from '../../processes/dossier-actions';

export interface AuditActor {
  kind: 'user' | 'anonymous' | 'system';
  userId?: Types.ObjectId;
  username?: string;
}

export interface AuditEvent {
  _id: Types.ObjectId;
  at: Date;
  actor: AuditActor;
  /** Dotted verb, e.g. `dossier.create`, `auth.login`, `user.update`. */
  action: AuditAction;
  outcome: 'success' | 'failure';
  target?: { kind: string; id?: string; key?: string };
  ip?: string;
  userAgent?: string;
  requestId?: string;
  details?: Record<string, unknown>;
  /** Set when the record was written with its document first and drained here after: one event per key. */
  key?: string;
}

/** An audit record written in the same document write as the action it records, drained to AuditEvent. */
export type PendingAuditEvent = Omit<AuditEvent, '_id' | 'key'> & { key: string };

/** The fields of an audit record, for AuditEvent and for a document that keeps its records until drained. */
export const auditEventFields = () => ({
  at: { type: Date, required: true },
  actor: {
    kind: { type: String, required: true, enum: ['user', 'anonymous', 'system'] },
    userId: { type: Schema.Types.ObjectId, ref: 'User' },
    username: String,
  },
  action: { type: String, required: true, enum: auditActions },
  outcome: { type: String, required: true, enum: ['success', 'failure'] },
  target: { kind: String, id: String, key: String },
  ip: String,
  userAgent: String,
  requestId: String,
  details: Schema.Types.Mixed,
});

const auditEventSchema = new Schema<AuditEvent>(
  { ...auditEventFields(), key: String },
  { versionKey: false, strict: 'throw' },
);
auditEventSchema.index({ at: -1 });
auditEventSchema.index({ 'target.kind': 1, 'target.id': 1, at: -1 });
auditEventSchema.index({ 'actor.userId': 1, at: -1 });
auditEventSchema.index({ key: 1 }, { unique: true, sparse: true });

function refuse(): never {
  throw new Error('AuditEvent is append-only');
}
for (const op of [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const) {
  auditEventSchema.pre(op, refuse);
}
auditEventSchema.pre('save', function () {
  if (!this.isNew) refuse();
});

export const AuditEventModel = model<AuditEvent>('AuditEvent', auditEventSchema);
