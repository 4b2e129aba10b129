// One line of the holiday table: a civil day that is off although it would be worked, or worked although it
// would be off. The same shape serves the bundled yearly decisions, the admin-maintained table in the store
// (server/models/Holiday.ts) and an agency's own overrides.
import type { LocalDate } from './local-date';

/** A day off although it would be worked, or a working day although it would be off (a swapped weekend day). */
export const CALENDAR_ENTRY_KINDS = ['day-off', 'working-day'] as const;
export type CalendarEntryKind = (typeof CALENDAR_ENTRY_KINDS)[number];

/** confirmed: read in an official announcement; statutory-rule: derived from Labour Code Art. 112 alone. */
export type CalendarEntryStatus = 'confirmed' | 'provisional' | 'statutory-rule';

export interface CalendarEntry {
  date: LocalDate;
  kind: CalendarEntryKind;
  name: string;
  status?: CalendarEntryStatus;
  source?: string;
}

/** A year's official decisions as shipped in processes/calendar/years/<year>.json. */
export interface YearDecisions {
  year: number;
  sources: string[];
  entries: CalendarEntry[];
}
