// Agency (cơ quan): a node of the organisation tree since the two-level reform of 1 July 2025 — the city, its
// Public Administration Service Centre, communes/wards and their centres, departments (sở), sector bodies.
import { Schema, model, type Types } from 'mongoose';
import {
  AGENCY_CODE_PATTERN,
  AGENCY_KINDS,
  AGENCY_LEVELS,
  type AgencyKind,
  type AgencyLevel,
} from '../../processes/procedure-vocabulary';

export interface Agency {
  _id: Types.ObjectId;
  /** Electronic identifier code (Decision 20/2020/QĐ-TTg), the first segment of every dossier code it receives. */
  code: string;
  /** True while the code is our placeholder, not confirmed against the published list. */
  codeProvisional: boolean;
  name: string;
  level: AgencyLevel;
  kind: AgencyKind;
  parent?: Types.ObjectId;
  effectiveFrom: Date;
  effectiveTo?: Date;
  address?: string;
  /** Roles in inter-agency paths (`cong-an`, `bhxh`, `ubnd-xa`...), the `toAgencyRole` of a transfer task. */
  roles?: string[];
  createdAt: Date;
  updatedAt: Date;
}

const agencySchema = new Schema<Agency>(
  {
    code: { type: String, required: true, unique: true, match: AGENCY_CODE_PATTERN },
    codeProvisional: { type: Boolean, required: true, default: false },
    name: { type: String, required: true, trim: true, maxlength: 200 },
    level: { type: String, required: true, enum: AGENCY_LEVELS },
    kind: { type: String, required: true, enum: AGENCY_KINDS },
    parent: { type: Schema.Types.ObjectId, ref: 'Agency', index: true },
    effectiveFrom: { type: Date, required: true },
    effectiveTo: { type: Date },
    address: { type: String, maxlength: 300 },
    roles: { type: [String], default: undefined, index: true },
  },
  { timestamps: true, strict: 'throw' },
);

export const AgencyModel = model<Agency>('Agency', agencySchema);
