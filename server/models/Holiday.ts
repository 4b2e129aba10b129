// Holiday calendar entry: the admin-maintained year-by-year table the working-day calendar reads — public
// holidays (lunar ones converted), compensatory days off, and weekend days swapped into working days.
import { Schema, model, type Types } from 'mongoose';
import { CALENDAR_ENTRY_KINDS, type CalendarEntryKind } from '../../processes/calendar/calendar-entry';
import { isLocalDate } from '../../processes/calendar/local-date';

export interface Holiday {
  _id: Types.ObjectId;
  /** Local date in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
  date: string;
  kind: CalendarEntryKind;
  name: string;
  createdBy?: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

const holidaySchema = new Schema<Holiday>(
  {
    date: { type: String, required: true, unique: true, validate: isLocalDate },
    kind: { type: String, required: true, enum: CALENDAR_ENTRY_KINDS },
    name: { type: String, required: true, trim: true, maxlength: 200 },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  { timestamps: true, strict: 'throw' },
);

export const HolidayModel = model<Holiday>('Holiday', holidaySchema);
