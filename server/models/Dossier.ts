// Dossier (hồ sơ): one filing of one procedure, from submission to result return. It keeps the procedure
// version in force at receipt, an append-only timeline (who, what, BPMN element, agency, when) and the set of
// agencies that may see it. Every change is a single-document update; nothing needs a transaction.
import { Schema, model } from 'mongoose';
import { pendingAuditEventFields, type PendingAuditEvent } from './AuditEvent';
import { schemaFields, schemaOptions, subSchema, typed, type StoredDocument } from './model-type';
import {
  dossierStatusCodes,
  dossierSubStatuses,
  type DossierSubStatus,
} from '../../processes/dossier-status';
import { processHealthStates, type ProcessHealthState } from '../../processes/process-health-states';
import { timeLimitUnits } from '../../processes/calendar';
import { CHANNELS, RETURN_CHANNELS } from '../../processes/dossier-vocabulary';
import { FEE_COLLECTION_POINTS, type DossierComponent, type Fee } from '../../processes/procedure-vocabulary';
import type { TimelineAction } from '../../processes/dossier-actions';
import type { FormRef } from './Procedure';
import { issuedForms, type IssuedForm } from '../slips/registry';

/**
 * A slip issued for the dossier (Circular 03/2025/TT-VPCP Annex I); the PDF is rendered from `data`. Declared,
 * not inferred: the slips' registry reads the Dossier type, so the Dossier's type cannot read the registry's
 * form numbers (a cycle TypeScript refuses); the schema below is checked against it.
 */
export interface IssuedSlip {
  /** 01–05 are issued by the workers; the control slip (06) and the log book (07) are built on demand. */
  kind: IssuedForm;
  /** The slip's id in its URL (`04-<dossier code>-1`). */
  number: string;
  /** The number printed on the form: the agency's running number of the form in the year, e.g. `12/PXL`. */
  formNumber?: string;
  key: string;
  issuedAt: Date;
  data: Record<string, unknown>;
}

/** How a finished step or dossier stood against its deadline, as the national index counts it. */
const timings = ['early', 'on-time', 'late'] as const;

const actorSchema = subSchema(
  {
    kind: { type: String, required: true, enum: ['user', 'citizen', 'system'] as const },
    userId: { type: Schema.Types.ObjectId, ref: 'User' },
    username: String,
    name: String,
  },
  { _id: false },
);

const timelineEventFields = schemaFields({
  at: { type: Date, required: true },
  actor: { type: actorSchema, required: true },
  /**
   * Dotted verb, e.g. `dossier.submitted`, `dossier.accepted`, `task.completed`, `dossier.transferred`. Written
   * as a TimelineAction (WrittenTimelineEvent); read as any string, so a verb stored before the list stays
   * readable. No enum: a stored verb is never refused on a later save of its dossier (processes/dossier-actions.ts).
   */
  action: { type: String, required: true },
  /** Status after the event, when it changed the status. */
  status: { type: Number, enum: dossierStatusCodes },
  elementId: String,
  agency: { type: Schema.Types.ObjectId, ref: 'Agency' },
  agencyCode: String,
  note: { type: String, maxlength: 2000 },
  /** Idempotency key of the worker effect that appended it (`<job key>:<effect>`); appended at most once. */
  key: String,
});
const timelineEventOptions = schemaOptions({ _id: false });

export type TimelineEvent = StoredDocument<typeof timelineEventFields, typeof timelineEventOptions>;

/** A timeline event as the app writes it: its verb is one of processes/dossier-actions.ts. */
export type WrittenTimelineEvent = Omit<TimelineEvent, 'action'> & { action: TimelineAction };

const timelineEventSchema = new Schema<TimelineEvent>(timelineEventFields, timelineEventOptions);

const dossierFields = schemaFields({
  code: { type: String, required: true, unique: true },
  procedure: {
    id: { type: Schema.Types.ObjectId, ref: 'Procedure', required: true },
    code: { type: String, required: true },
    name: { type: String, required: true },
    version: { type: Number, required: true },
    bpmnProcessId: { type: String, required: true },
    processVersion: Number,
    forms: typed<FormRef[]>()({ type: [{ _id: false, formId: String, formVersion: String }] }),
    timeLimit: {
      value: { type: Number, required: true },
      unit: { type: String, required: true, enum: timeLimitUnits },
      sameDayCutoff: String,
    },
    components: typed<DossierComponent[]>()({
      type: [
        {
          _id: false,
          id: String,
          name: String,
          required: Boolean,
          originals: Number,
          copies: Number,
          note: String,
        },
      ],
    }),
  },
  receivingAgency: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
  receivingAgencyCode: { type: String, required: true },
  currentAgency: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
  /** Receiving, current and every agency it was transferred to: the officers' scoping key. */
  visibleToAgencies: [{ type: Schema.Types.ObjectId, ref: 'Agency' }],
  applicant: {
    name: { type: String, required: true, maxlength: 200 },
    idNumber: { type: String, required: true, match: /^\d{12}$/ },
    phone: { type: String, maxlength: 20 },
    email: { type: String, maxlength: 200 },
    address: { type: String, maxlength: 500 },
  },
  channel: { type: String, required: true, enum: CHANNELS },
  queueTicket: { type: String, maxlength: 20 },
  declaration: {
    formId: String,
    formVersion: String,
    data: typed<Record<string, unknown>>()({ type: Schema.Types.Mixed, default: {} }),
  },
  documents: [
    {
      _id: false,
      component: { type: String, required: true },
      name: String,
      fileIds: { type: [String], default: [] },
      digitised: { type: Boolean, default: false },
      sha256: String,
      pages: Number,
      original: { type: Boolean, default: false },
    },
  ],
  status: { type: Number, required: true, enum: dossierStatusCodes },
  subStatus: typed<DossierSubStatus>()({ type: String, enum: Object.keys(dossierSubStatuses) }),
  submittedAt: { type: Date, required: true },
  receivedAt: Date,
  appointmentAt: Date,
  dueAt: Date,
  resolvedAt: Date,
  returnedAt: Date,
  stepDeadlines: [
    {
      _id: false,
      step: { type: String, required: true },
      elementId: String,
      agency: { type: Schema.Types.ObjectId, ref: 'Agency' },
      startedAt: { type: Date, required: true },
      dueAt: Date,
      finishedAt: Date,
    },
  ],
  timeline: { type: [timelineEventSchema], default: [] },
  /** Slips issued for the dossier (Circular 03/2025/TT-VPCP Annex I); each PDF is rendered from its `data`. */
  slips: typed<IssuedSlip[]>()({
    type: [
      {
        _id: false,
        kind: { type: String, required: true, enum: issuedForms },
        number: { type: String, required: true },
        formNumber: String,
        key: { type: String, required: true },
        issuedAt: { type: Date, required: true },
        data: typed<Record<string, unknown>>()({ type: Schema.Types.Mixed, default: {} }),
      },
    ],
  }),
  /** Hand-overs between agencies or steps: the rows of the process control slip (Mẫu 06). */
  handovers: [
    {
      _id: false,
      key: { type: String, required: true },
      step: { type: String, required: true },
      fromAgencyCode: { type: String, required: true },
      toAgencyCode: { type: String, required: true },
      givenAt: { type: Date, required: true },
      receivedAt: Date,
      dueAt: Date,
      timing: { type: String, enum: timings },
    },
  ],
  /** Waits for the citizen's supplement; the legal clock stops between request and supply. */
  supplementRequests: [
    {
      _id: false,
      key: { type: String, required: true },
      requestedAt: { type: Date, required: true },
      suppliedAt: Date,
      missingComponents: { type: [String], default: [] },
      reason: { type: String, maxlength: 2000 },
    },
  ],
  /** early / on-time / late, as the national index counts it, once the result is ready. */
  completionTiming: { type: String, enum: timings },
  /** The result documents (e.g. the signed birth certificate scan), uploaded by the deciding or returning agency. */
  result: {
    type: subSchema(
      {
        summary: String,
        documents: [
          {
            _id: false,
            name: String,
            fileIds: [String],
            sha256: String,
            uploadedAt: Date,
            uploadedBy: String,
          },
        ],
      },
      { _id: false },
    ),
    default: undefined,
  },
  returnChannel: { type: String, enum: RETURN_CHANNELS },
  fees: typed<(Fee & { paidAt?: Date })[]>()({
    type: [
      {
        _id: false,
        name: String,
        amount: Number,
        collectAt: { type: String, enum: FEE_COLLECTION_POINTS },
        note: String,
        paidAt: Date,
      },
    ],
  }),
  rating: {
    type: subSchema({ score: { type: Number, min: 1, max: 5 }, comment: String, at: Date }, { _id: false }),
    default: undefined,
  },
  /** The dossier's own process instance, started by the server. */
  processInstanceKey: String,
  /**
   * The ticket of the latest attempt to start the dossier's own process, stored before the instance is created
   * and passed to it as the `processTicket` variable: the first instance that proves it carries the current
   * ticket becomes `processInstanceKey`; any other instance of the dossier's process is cancelled when seen.
   */
  processTicket: String,
  /** Audit records of actions on the dossier, written with the action itself, until drained to AuditEvent. */
  pendingAudit: {
    type: [new Schema<PendingAuditEvent>(pendingAuditEventFields(), { _id: false })],
    default: undefined,
  },
  /**
   * Every other instance that works on the dossier (an agency's share of an inter-agency path, started by a
   * message), bound when the workers first see one of its jobs; a job finds its dossier by its instance key here.
   */
  processInstances: {
    type: [
      {
        _id: false,
        key: { type: String, required: true },
        bpmnProcessId: { type: String, required: true },
        agencyCode: { type: String, required: true },
        boundAt: { type: Date, required: true },
      },
    ],
    default: undefined,
  },
  /**
   * The machine's trouble with the dossier, when it has one: an incident (a job failed with no retries left), a
   * machine step with no progress past its budget, or an instance the engine no longer has. Set by the worker
   * that knows, cleared when the dossier moves on (server/domain/dossier-events.ts).
   */
  processHealth: {
    type: subSchema(
      {
        state: typed<ProcessHealthState>()({
          type: String,
          required: true,
          enum: Object.keys(processHealthStates),
        }),
        since: { type: Date, required: true },
        elementId: String,
        message: { type: String, maxlength: 1000 },
      },
      { _id: false },
    ),
    default: undefined,
  },
  /** Hash of the secret printed on the receipt; the citizen's key to the public status lookup. */
  receiptSecretHash: { type: String, required: true },
  /** `<user id>:<client key>` of the request that created it, so a retried submission creates one dossier. */
  idempotencyKey: { type: String },
  createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
});
const dossierOptions = schemaOptions({ timestamps: true, strict: 'throw' });

export type Dossier = StoredDocument<typeof dossierFields, typeof dossierOptions>;

/** A hand-over between agencies or steps: a row of the process control slip (Mẫu 06). */
export type Handover = Dossier['handovers'][number];
/** A wait for the citizen's supplement; the legal clock stops between the two. */
export type SupplementRequest = Dossier['supplementRequests'][number];
export type DossierDocument = Dossier['documents'][number];
/** A result document (e.g. the signed birth certificate scan), uploaded by the deciding or returning agency. */
export type ResultDocument = NonNullable<Dossier['result']>['documents'][number];
export type StepDeadline = Dossier['stepDeadlines'][number];
/** A process instance the system correlated with the dossier, and the agency whose share it is. */
export type ProcessInstanceBinding = NonNullable<Dossier['processInstances']>[number];

const dossierSchema = new Schema<Dossier>(dossierFields, dossierOptions);

// The queries the app makes: an agency's list (newest first, by status, by procedure), a citizen's own list,
// overdue and period filters, the retried-submission check.
// `_id` ends each list index because the list sorts on it as the tie-break: without it neither MongoDB nor the
// embedded store can read a page in index order and must sort every match of the agency.
dossierSchema.index({ visibleToAgencies: 1, submittedAt: -1, _id: -1 });
dossierSchema.index({ visibleToAgencies: 1, status: 1, submittedAt: -1, _id: -1 });
dossierSchema.index({ visibleToAgencies: 1, 'procedure.code': 1, submittedAt: -1, _id: -1 });
dossierSchema.index({ createdBy: 1, submittedAt: -1 });
// The counter's log book and the statistics of an agency read its receipts of a period.
dossierSchema.index({ receivingAgencyCode: 1, submittedAt: 1 });
dossierSchema.index({ status: 1, dueAt: 1 });
dossierSchema.index({ idempotencyKey: 1 }, { unique: true, sparse: true });
dossierSchema.index({ processInstanceKey: 1 }, { sparse: true });
dossierSchema.index({ 'processInstances.key': 1 }, { sparse: true });
// /api/health counts the dossiers in incident on every poll.
dossierSchema.index({ 'processHealth.state': 1 }, { sparse: true });
// The workers' stall check reads the open dossiers quiet for longer than a machine step's budget.
dossierSchema.index({ status: 1, updatedAt: 1 });
// The audit drain's sweep: dossiers holding records not yet in AuditEvent.
dossierSchema.index({ 'pendingAudit.at': 1 }, { sparse: true });

export const DossierModel = model<Dossier>('Dossier', dossierSchema);
