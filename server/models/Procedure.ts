// Procedure (thủ tục hành chính): a catalogue entry with its versions. Each version carries the rules in force
// from its effective date — BPMN model and the DMN decision tables it calls, declaration forms, legal time limit,
// fees, required components — and, once published, the engine's process definition it was deployed as. A dossier
// copies the version it was received under, so a later version never changes it.
import { Schema, model, type Types } from 'mongoose';
import { timeLimitUnits, type TimeLimit } from '../../processes/calendar';
import {
  AGENCY_LEVELS,
  FEE_COLLECTION_POINTS,
  ONLINE_LEVELS,
  PROCEDURE_CODE_PATTERN,
  PROCEDURE_VERSION_STATUSES,
  type AgencyLevel,
  type DossierComponent,
  type Fee,
  type OnlineLevel,
  type ProcedureVersionStatus,
} from '../../processes/procedure-vocabulary';

export interface FormRef {
  formId: string;
  formVersion: string;
}

/** A DMN resource of the version: decision tables its business rule tasks call, deployed with its BPMN. */
export interface DecisionResource {
  /** The resource name the engine knows it by, ending in `.dmn`. */
  name: string;
  dmnXml: string;
}

export interface ProcedureVersion {
  version: number;
  status: ProcedureVersionStatus;
  changelog: string;
  createdBy?: Types.ObjectId;
  createdAt: Date;
  publishedBy?: Types.ObjectId;
  publishedAt?: Date;
  retiredAt?: Date;
  effectiveFrom?: Date;
  bpmnProcessId: string;
  bpmnXml?: string;
  /** Absent on versions stored before decisions were kept (read as none). */
  decisions?: DecisionResource[];
  forms: FormRef[];
  timeLimit: TimeLimit;
  fees: Fee[];
  components: DossierComponent[];
  onlineLevel: OnlineLevel;
  /** Set when the version is deployed to the engine. */
  deployment?: { processDefinitionKey: string; processVersion: number; deployedAt: Date };
}

export interface Procedure {
  _id: Types.ObjectId;
  /** National code in the National Database of Administrative Procedures, `d.dddddd`. */
  code: string;
  /** A province's variant code, e.g. `1.000948.H38`. */
  localCode?: string;
  names: { vi: string; en?: string };
  field: { code?: string; name: string };
  level: AgencyLevel;
  /** Agencies that receive it; empty ⇒ every service centre or authority at `level` receives it. */
  implementingAgencies: Types.ObjectId[];
  versions: ProcedureVersion[];
  /** Version dossiers are received under now (the one with status published); null while none is. */
  publishedVersion: number | null;
  createdAt: Date;
  updatedAt: Date;
}

const versionSchema = new Schema<ProcedureVersion>(
  {
    version: { type: Number, required: true, min: 1 },
    status: { type: String, required: true, enum: PROCEDURE_VERSION_STATUSES },
    changelog: { type: String, default: '', maxlength: 4000 },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
    createdAt: { type: Date, required: true },
    publishedBy: { type: Schema.Types.ObjectId, ref: 'User' },
    publishedAt: Date,
    retiredAt: Date,
    effectiveFrom: Date,
    bpmnProcessId: { type: String, required: true, match: /^[A-Za-z_][\w.-]*$/ },
    bpmnXml: String,
    decisions: {
      type: [
        {
          _id: false,
          name: { type: String, required: true, match: /^[\w.-]+\.dmn$/ },
          dmnXml: { type: String, required: true },
        },
      ],
      default: undefined,
    },
    forms: [
      { _id: false, formId: { type: String, required: true }, formVersion: { type: String, required: true } },
    ],
    timeLimit: {
      value: { type: Number, required: true, min: 0 },
      unit: { type: String, required: true, enum: timeLimitUnits },
      sameDayCutoff: { type: String, match: /^\d{2}:\d{2}$/ },
    },
    fees: [
      {
        _id: false,
        name: { type: String, required: true },
        amount: { type: Number, required: true, min: 0 },
        collectAt: { type: String, required: true, enum: FEE_COLLECTION_POINTS },
        note: String,
      },
    ],
    components: [
      {
        _id: false,
        id: { type: String, required: true },
        name: { type: String, required: true },
        required: { type: Boolean, required: true },
        originals: { type: Number, default: 0, min: 0 },
        copies: { type: Number, default: 0, min: 0 },
        note: String,
      },
    ],
    onlineLevel: { type: String, required: true, enum: ONLINE_LEVELS, default: 'none' },
    deployment: {
      type: new Schema(
        { processDefinitionKey: String, processVersion: Number, deployedAt: Date },
        { _id: false, strict: 'throw' },
      ),
      default: undefined,
    },
  },
  { _id: false, strict: 'throw' },
);

const procedureSchema = new Schema<Procedure>(
  {
    code: { type: String, required: true, unique: true, match: PROCEDURE_CODE_PATTERN },
    localCode: { type: String, maxlength: 60 },
    names: { vi: { type: String, required: true, maxlength: 500 }, en: { type: String, maxlength: 500 } },
    field: { code: String, name: { type: String, required: true, maxlength: 200 } },
    level: { type: String, required: true, enum: AGENCY_LEVELS },
    implementingAgencies: [{ type: Schema.Types.ObjectId, ref: 'Agency' }],
    versions: { type: [versionSchema], default: [] },
    publishedVersion: { type: Number, default: null },
  },
  { timestamps: true, strict: 'throw' },
);
procedureSchema.index({ level: 1, 'field.name': 1 });
procedureSchema.index({ implementingAgencies: 1 });

export const ProcedureModel = model<Procedure>('Procedure', procedureSchema);
