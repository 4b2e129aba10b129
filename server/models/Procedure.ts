// Procedure (thủ tục hành chính): a catalogue entry with its versions. Each version carries the rules in force
// from its effective date — BPMN model and the DMN decision tables it calls, declaration forms, legal time limit,
// fees, required components — and, once published, the engine's process definition it was deployed as. A dossier
// copies the version it was received under, so a later version never changes it.
import { Schema, model } from 'mongoose';
import { schemaFields, schemaOptions, subSchema, typed, type StoredDocument } from './model-type';
import { timeLimitUnits } from '../../processes/calendar';
import {
  AGENCY_LEVELS,
  FEE_COLLECTION_POINTS,
  ONLINE_LEVELS,
  PROCEDURE_CODE_PATTERN,
  PROCEDURE_VERSION_STATUSES,
} from '../../processes/procedure-vocabulary';

const versionFields = schemaFields({
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
  /**
   * DMN resources of the version: decision tables its business rule tasks call, deployed with its BPMN. Absent on
   * versions stored before decisions were kept (read as none).
   */
  decisions: {
    type: [
      {
        _id: false,
        /** The resource name the engine knows it by, ending in `.dmn`. */
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
  onlineLevel: { type: String, required: true, enum: ONLINE_LEVELS, default: 'none' as const },
  /**
   * Set when the version is deployed to the engine, always whole (procedure publishing writes the three at once);
   * typed so, since the sub-schema does not require its parts.
   */
  deployment: typed<{ processDefinitionKey: string; processVersion: number; deployedAt: Date }>()({
    type: subSchema(
      { processDefinitionKey: String, processVersion: Number, deployedAt: Date },
      { _id: false, strict: 'throw' },
    ),
    default: undefined,
  }),
});
const versionOptions = schemaOptions({ _id: false, strict: 'throw' });

export type ProcedureVersion = StoredDocument<typeof versionFields, typeof versionOptions>;
export type FormRef = ProcedureVersion['forms'][number];
/** A DMN resource of the version: decision tables its business rule tasks call, deployed with its BPMN. */
export type DecisionResource = NonNullable<ProcedureVersion['decisions']>[number];

const versionSchema = new Schema<ProcedureVersion>(versionFields, versionOptions);

const procedureFields = schemaFields({
  /** National code in the National Database of Administrative Procedures, `d.dddddd`. */
  code: { type: String, required: true, unique: true, match: PROCEDURE_CODE_PATTERN },
  /** A province's variant code, e.g. `1.000948.H38`. */
  localCode: { type: String, maxlength: 60 },
  names: { vi: { type: String, required: true, maxlength: 500 }, en: { type: String, maxlength: 500 } },
  field: { code: String, name: { type: String, required: true, maxlength: 200 } },
  level: { type: String, required: true, enum: AGENCY_LEVELS },
  /** Agencies that receive it; empty ⇒ every service centre or authority at `level` receives it. */
  implementingAgencies: [{ type: Schema.Types.ObjectId, ref: 'Agency' }],
  versions: { type: [versionSchema], default: [] },
  /** Version dossiers are received under now (the one with status published); null while none is. */
  publishedVersion: { type: Number, default: null },
});
const procedureOptions = schemaOptions({ timestamps: true, strict: 'throw' });

export type Procedure = StoredDocument<typeof procedureFields, typeof procedureOptions>;

const procedureSchema = new Schema<Procedure>(procedureFields, procedureOptions);
procedureSchema.index({ level: 1, 'field.name': 1 });
procedureSchema.index({ implementingAgencies: 1 });

export const ProcedureModel = model<Procedure>('Procedure', procedureSchema);
