// Which civil days count as working days for a deadline. Layers, later ones winning for the same date:
// the working week (Mon–Fri, Decision 188/1999/QĐ-TTg), the year's public holidays (the Government's decision
// from years/<year>.json, or Labour Code Art. 112 alone for a year without one), the admin-maintained table in
// the store, then the agency's own overrides (a closure, a Saturday it counts).
// Reception hours are a separate matter (office-hours.ts): a counter open on Saturday morning does not make
// Saturday count towards a deadline.
import { CALENDAR_ENTRY_KINDS, type CalendarEntry, type YearDecisions } from './calendar-entry';
import { addDays, dayOfWeek, daysBetween, isLocalDate, parseLocalDate, type LocalDate } from './local-date';
import { statutoryHolidays } from './statutory-holidays';
import decisions2025 from './years/2025.json';
import decisions2026 from './years/2026.json';

export const bundledYearDecisions: YearDecisions[] = [decisions2025, decisions2026] as YearDecisions[];

/** Longest span any deadline may look ahead; guards the day-by-day walks against runaway input. */
const MAX_SPAN_DAYS = 3_660;

export interface WorkingCalendarOptions {
  /** Government decisions per year; defaults to the bundled years. */
  years?: YearDecisions[];
  /** The admin-maintained holiday table (server/models/Holiday.ts). */
  entries?: CalendarEntry[];
  /** The agency's own overrides. */
  agencyEntries?: CalendarEntry[];
  /** Weekdays worked, 0 = Sunday … 6 = Saturday. */
  workingWeekdays?: number[];
  /**
   * Given: an entry that is not a real day or kind (a row stored before dates were checked) is left out and
   * reported here, so one bad row cannot break every deadline. Not given: such an entry throws.
   */
  onRejectedEntry?: (entry: CalendarEntry, problem: string) => void;
}

const entryKinds: readonly string[] = CALENDAR_ENTRY_KINDS;

function entryProblem(entry: CalendarEntry): string | undefined {
  if (!isLocalDate(entry.date)) return `not a calendar date (YYYY-MM-DD): '${String(entry.date)}'`;
  if (!entryKinds.includes(entry.kind)) return `not a kind of calendar entry: '${String(entry.kind)}'`;
  return undefined;
}

export class WorkingCalendar {
  private readonly years: Map<number, YearDecisions>;
  private readonly overrides = new Map<LocalDate, CalendarEntry>();
  private readonly workingWeekdays: Set<number>;
  private readonly entriesByYear = new Map<number, Map<LocalDate, CalendarEntry>>();

  constructor(options: WorkingCalendarOptions = {}) {
    this.years = new Map((options.years ?? bundledYearDecisions).map((y) => [y.year, y]));
    for (const entry of [...(options.entries ?? []), ...(options.agencyEntries ?? [])]) {
      const problem = entryProblem(entry);
      if (!problem) this.overrides.set(entry.date, entry);
      else if (options.onRejectedEntry) options.onRejectedEntry(entry, problem);
      else throw new RangeError(`Calendar entry ${problem}`);
    }
    this.workingWeekdays = new Set(options.workingWeekdays ?? [1, 2, 3, 4, 5]);
  }

  /** The entry that makes this date differ from the working week, if any. */
  exception(date: LocalDate): CalendarEntry | undefined {
    return this.overrides.get(date) ?? this.yearEntries(parseLocalDate(date).year).get(date);
  }

  isWorkingDay(date: LocalDate): boolean {
    const exception = this.exception(date);
    if (exception) return exception.kind === 'working-day';
    return this.workingWeekdays.has(dayOfWeek(date));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return this.addWorkingDays(date, 1);
  }

  /** `date` itself when it is a working day, else the next one. */
  workingDayOnOrAfter(date: LocalDate): LocalDate {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /**
   * The n-th working day after `date`, not counting `date` itself (Civil Code 2015, Art. 147: the day of the
   * event is not counted). n = 0 gives `date` when it is a working day, else the next working day.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
    if (n === 0) return this.isWorkingDay(date) ? date : this.addWorkingDays(date, 1);
    let day = date;
    let counted = 0;
    for (let step = 0; step < MAX_SPAN_DAYS + n * 7; step++) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day) && ++counted === n) return day;
    }
    throw new RangeError(`No ${n} working days after ${date} within ${MAX_SPAN_DAYS} days`);
  }

  /** Working days d with from < d ≤ to; negative when `to` is before `from`. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    const span = daysBetween(from, to);
    if (Math.abs(span) > MAX_SPAN_DAYS) throw new RangeError(`Span too long: ${from} → ${to}`);
    if (span < 0) return -this.workingDaysBetween(to, from);
    let count = 0;
    let day = from;
    for (let i = 0; i < span; i++) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) count++;
    }
    return count;
  }

  /** Every exception in a year, for the admin screen and the public calendar. */
  exceptionsOf(year: number): CalendarEntry[] {
    const merged = new Map(this.yearEntries(year));
    for (const [date, entry] of this.overrides) if (date.startsWith(`${year}-`)) merged.set(date, entry);
    return [...merged.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  /** Whether a year's holidays come from a Government decision or only from the statutory rule. */
  hasDecisionFor(year: number): boolean {
    return this.years.has(year);
  }

  private yearEntries(year: number): Map<LocalDate, CalendarEntry> {
    let entries = this.entriesByYear.get(year);
    if (!entries) {
      const decided = this.years.get(year);
      const list = decided ? decided.entries : statutoryHolidays(year);
      entries = new Map(list.map((e) => [e.date, e]));
      this.entriesByYear.set(year, entries);
    }
    return entries;
  }
}
