// User: an account of the platform with its roles, agency and officer groups (candidate groups of user tasks).
import { Schema, model, type Types } from 'mongoose';
import { ROLES, type Role } from '../../processes/roles';

/** Candidate groups of the process contract: counter officers, specialists, leaders. */
export const officerGroups = ['mot-cua', 'chuyen-vien', 'lanh-dao'] as const;

export interface User {
  _id: Types.ObjectId;
  username: string;
  displayName: string;
  email?: string;
  roles: Role[];
  agency?: Types.ObjectId;
  groups: string[];
  passwordHash: string;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const userSchema = new Schema<User>(
  {
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
  },
  { timestamps: true, strict: 'throw' },
);
userSchema.index({ agency: 1, groups: 1 });

export const UserModel = model<User>('User', userSchema);
