// The working-day calendar the workers count with: the bundled Government decisions, then the admin-maintained
// holiday table from the store. Re-read at most once a minute so an admin's change reaches the workers.
import { WorkingCalendar } from '../processes/calendar';
import { HolidayModel } from '../server/models/Holiday';

const REFRESH_MS = 60_000;
let cached: { calendar: WorkingCalendar; loadedAt: number } | undefined;

export async function currentCalendar(now = Date.now()): Promise<WorkingCalendar> {
  if (cached && now - cached.loadedAt < REFRESH_MS) return cached.calendar;
  const rows = await HolidayModel.find({}, { date: 1, kind: 1, name: 1 }).lean();
  const calendar = new WorkingCalendar({
    entries: rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, status: 'confirmed' as const })),
  });
  cached = { calendar, loadedAt: now };
  return calendar;
}
