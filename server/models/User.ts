// User: an account of the platform with its roles, agency and officer groups (candidate groups of user tasks).
import { Schema, model } from 'mongoose';
import { schemaFields, schemaOptions, type StoredDocument } from './model-type';
import { ROLES } from '../../processes/roles';

/** Candidate groups of the process contract: counter officers, specialists, leaders. */
export const officerGroups = ['mot-cua', 'chuyen-vien', 'lanh-dao'] as const;

const userFields = schemaFields({
  username: {
    type: String,
    required: true,
    unique: true,
    lowercase: true,
    trim: true,
    match: /^[a-z0-9._-]{3,40}$/,
  },
  displayName: { type: String, required: true, trim: true, maxlength: 120 },
  email: { type: String, trim: true, maxlength: 200 },
  roles: { type: [{ type: String, enum: ROLES }], required: true },
  agency: { type: Schema.Types.ObjectId, ref: 'Agency' },
  groups: { type: [String], default: [] },
  passwordHash: { type: String, required: true },
  disabled: { type: Boolean, required: true, default: false },
});
const userOptions = schemaOptions({ timestamps: true, strict: 'throw' });

export type User = StoredDocument<typeof userFields, typeof userOptions>;

const userSchema = new Schema<User>(userFields, userOptions);
userSchema.index({ agency: 1, groups: 1 });

export const UserModel = model<User>('User', userSchema);
