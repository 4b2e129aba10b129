// Holiday calendar entry: the admin-maintained year-by-year table the working-day calendar reads — public
// holidays (lunar ones converted), compensatory days off, and weekend days swapped into working days.
import { Schema, model } from 'mongoose';
import { schemaFields, schemaOptions, type StoredDocument } from './model-type';
import { CALENDAR_ENTRY_KINDS } from '../../processes/calendar/calendar-entry';
import { isLocalDate } from '../../processes/calendar/local-date';

const holidayFields = schemaFields({
  /** Local date in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
  date: { type: String, required: true, unique: true, validate: isLocalDate },
  kind: { type: String, required: true, enum: CALENDAR_ENTRY_KINDS },
  name: { type: String, required: true, trim: true, maxlength: 200 },
  createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
});
const holidayOptions = schemaOptions({ timestamps: true, strict: 'throw' });

export type Holiday = StoredDocument<typeof holidayFields, typeof holidayOptions>;

const holidaySchema = new Schema<Holiday>(holidayFields, holidayOptions);

export const HolidayModel = model<Holiday>('Holiday', holidaySchema);
