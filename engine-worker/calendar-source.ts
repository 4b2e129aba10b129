// The working-day calendar the workers count with: the bundled Government decisions, then the admin-maintained
// holiday table from the store. Re-read at most once a minute so an admin's change reaches the workers.
import type { WorkingCalendar } from '../processes/calendar';
import { loadWorkingCalendar } from '../server/domain/holiday-calendar';
import type { Logger } from '../server/config/logger';

const REFRESH_MS = 60_000;
let cached: { calendar: WorkingCalendar; loadedAt: number } | undefined;

export async function currentCalendar(logger: Logger, now = Date.now()): Promise<WorkingCalendar> {
  if (cached && now - cached.loadedAt < REFRESH_MS) return cached.calendar;
  const calendar = await loadWorkingCalendar(logger);
  cached = { calendar, loadedAt: now };
  return calendar;
}
