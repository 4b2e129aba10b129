// Agency (cơ quan): a node of the organisation tree since the two-level reform of 1 July 2025 — the city, its
// Public Administration Service Centre, communes/wards and their centres, departments (sở), sector bodies.
import { Schema, model } from 'mongoose';
import { schemaFields, schemaOptions, type StoredDocument } from './model-type';
import { AGENCY_CODE_PATTERN, AGENCY_KINDS, AGENCY_LEVELS } from '../../processes/procedure-vocabulary';

const agencyFields = schemaFields({
  /** Electronic identifier code (Decision 20/2020/QĐ-TTg), the first segment of every dossier code it receives. */
  code: { type: String, required: true, unique: true, match: AGENCY_CODE_PATTERN },
  /** True while the code is our placeholder, not confirmed against the published list. */
  codeProvisional: { type: Boolean, required: true, default: false },
  name: { type: String, required: true, trim: true, maxlength: 200 },
  level: { type: String, required: true, enum: AGENCY_LEVELS },
  kind: { type: String, required: true, enum: AGENCY_KINDS },
  parent: { type: Schema.Types.ObjectId, ref: 'Agency', index: true },
  effectiveFrom: { type: Date, required: true },
  effectiveTo: { type: Date },
  address: { type: String, maxlength: 300 },
  /** Roles in inter-agency paths (`cong-an`, `bhxh`, `ubnd-xa`...), the `toAgencyRole` of a transfer task. */
  roles: { type: [String], default: undefined, index: true },
});
const agencyOptions = schemaOptions({ timestamps: true, strict: 'throw' });

export type Agency = StoredDocument<typeof agencyFields, typeof agencyOptions>;

const agencySchema = new Schema<Agency>(agencyFields, agencyOptions);

export const AgencyModel = model<Agency>('Agency', agencySchema);
