// The holiday table of the working-day calendar: a year's entries, adding one (a date once), removing one.
import { conflict } from '../errors/api-error';
import { HolidayModel } from '../models/Holiday';
import type { HolidayAnswer, HolidayBody } from '../api-schemas/holidays';
import type { Types } from 'mongoose';

export const holidayView = (h: HolidayAnswer): HolidayAnswer => ({
  date: h.date,
  kind: h.kind,
  name: h.name,
});

export async function listHolidays(year: number) {
  const entries = await HolidayModel.find({ date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } })
    .sort({ date: 1 })
    .lean();
  return entries.map(holidayView);
}

export async function addHoliday(body: HolidayBody, createdBy: Types.ObjectId) {
  if (await HolidayModel.exists({ date: body.date })) throw conflict('duplicate', { key: body.date });
  return holidayView(await HolidayModel.create({ ...body, createdBy }));
}

/** The removed entry, or null when there was none. */
export async function removeHoliday(date: string) {
  const removed = await HolidayModel.findOneAndDelete({ date }).lean();
  return removed ? holidayView(removed) : null;
}
