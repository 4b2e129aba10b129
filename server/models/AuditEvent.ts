// AuditEvent: append-only record of every write — who did what to which record, from where. Updates and
// deletes through the model are refused. A record kept on its document until drained (the dossier's
// pendingAudit) has a key, unique here, so a drain that runs twice writes it once.
import { Schema, model } from 'mongoose';
import { schemaFields, schemaOptions, typed, type StoredDocument } from './model-type';
import { auditActions } from '../../processes/dossier-actions';

/** The fields of an audit record, for AuditEvent and for a document that keeps its records until drained. */
export const auditEventFields = () =>
  schemaFields({
    at: { type: Date, required: true },
    actor: {
      kind: { type: String, required: true, enum: ['user', 'anonymous', 'system'] as const },
      userId: { type: Schema.Types.ObjectId, ref: 'User' },
      username: String,
    },
    /** Dotted verb, e.g. `dossier.create`, `auth.login`, `user.update`. */
    action: { type: String, required: true, enum: auditActions },
    outcome: { type: String, required: true, enum: ['success', 'failure'] as const },
    target: { kind: String, id: String, key: String },
    ip: String,
    userAgent: String,
    requestId: String,
    details: typed<Record<string, unknown>>()({ type: Schema.Types.Mixed }),
  });

const auditEventRecordFields = schemaFields({
  ...auditEventFields(),
  /** Set when the record was written with its document first and drained here after: one event per key. */
  key: String,
});
const auditEventOptions = schemaOptions({ versionKey: false, strict: 'throw' });

export type AuditEvent = StoredDocument<typeof auditEventRecordFields, typeof auditEventOptions>;
export type AuditActor = AuditEvent['actor'];

/** The fields of an audit record written in the same document write as the action it records. */
export const pendingAuditEventFields = () =>
  schemaFields({ ...auditEventFields(), key: { type: String, required: true } });

/** An audit record written in the same document write as the action it records, drained to AuditEvent. */
export type PendingAuditEvent = StoredDocument<ReturnType<typeof pendingAuditEventFields>, { _id: false }>;

const auditEventSchema = new Schema<AuditEvent>(auditEventRecordFields, auditEventOptions);
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
