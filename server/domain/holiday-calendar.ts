// The working-day calendar with the admin-maintained holiday table from the store, as the inbox and the workers
// count with it. A stored row that is not a real day (written before dates were checked, or by hand) is left
// out with one error line per row and process, instead of failing every deadline computed from the calendar.
import { WorkingCalendar } from '../../processes/calendar';
import type { Logger } from '../config/logger';
import { HolidayModel } from '../models/Holiday';

const reported = new Set<string>();

export async function loadWorkingCalendar(logger: Logger): Promise<WorkingCalendar> {
  const rows = await HolidayModel.find({}, { date: 1, kind: 1, name: 1 }).lean();
  const idOf = new Map(rows.map((r) => [r.date, String(r._id)]));
  return new WorkingCalendar({
    entries: rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, status: 'confirmed' as const })),
    onRejectedEntry: (entry, problem) => {
      const id = idOf.get(entry.date) ?? entry.date;
      if (reported.has(id)) return;
      reported.add(id);
      logger.error('holiday entry skipped by the working calendar', {
        id,
        date: entry.date,
        problem,
        remedy: `DELETE /api/holidays/${String(entry.date)}, then add the intended day`,
      });
    },
  });
}
