// On-time statistics (Decision 766/QĐ-TTg): a dossier is early, on time or late by comparing the end of
// processing with the appointment. Day-based limits compare civil days in Vietnam (finishing at 17:30 on the due
// day is on time); hour-based limits compare instants.
import { toLocalDate } from './local-date';
import type { TimeLimitUnit } from './due-date';
import type { WorkingCalendar } from './working-calendar';

export type CompletionTiming = 'early' | 'on-time' | 'late';

export function classifyCompletion(finishedAt: Date, dueAt: Date, unit: TimeLimitUnit): CompletionTiming {
  const finishedOn = toLocalDate(finishedAt);
  const dueOn = toLocalDate(dueAt);
  if (unit === 'hours' && finishedAt > dueAt) return 'late';
  if (finishedOn > dueOn) return 'late';
  return finishedOn < dueOn ? 'early' : 'on-time';
}

/** Working days left until the due day (0 on the due day, negative when overdue). */
export function remainingWorkingDays(now: Date, dueAt: Date, calendar: WorkingCalendar): number {
  return calendar.workingDaysBetween(toLocalDate(now), toLocalDate(dueAt));
}
