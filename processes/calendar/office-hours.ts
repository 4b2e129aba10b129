// Office hours: the sessions of a working day (default 07:30–11:30 and 13:00–17:00), used to count deadlines in
// hours, to decide when an online filing counts as received, and to time an appointment. A counter's reception
// hours (which may include Saturday morning) are a separate schedule: see ReceptionSchedule.
import { atLocalTime, dayOfWeek, parseClockTime, toLocalDate, toLocalMinutes, addDays } from './local-date';
import type { LocalDate, LocalMinutes } from './local-date';
import type { WorkingCalendar } from './working-calendar';

export interface OfficeSession {
  start: LocalMinutes;
  end: LocalMinutes;
}

export type OfficeHours = OfficeSession[];

const MAX_DAYS_SEARCHED = 3_660;

/** ['07:30-11:30', '13:00-17:00'] → sessions; throws naming the bad one. */
export function parseOfficeHours(sessions: string[]): OfficeHours {
  const parsed = sessions.map((text) => {
    const [start, end] = text.split('-');
    if (start === undefined || end === undefined)
      throw new RangeError(`Not a session (HH:mm-HH:mm): '${text}'`);
    const session = { start: parseClockTime(start.trim()), end: parseClockTime(end.trim()) };
    if (session.end <= session.start) throw new RangeError(`Session ends before it starts: '${text}'`);
    return session;
  });
  parsed.sort((a, b) => a.start - b.start);
  for (let i = 1; i < parsed.length; i++) {
    if (parsed[i]!.start < parsed[i - 1]!.end)
      throw new RangeError(`Sessions overlap: ${sessions.join(', ')}`);
  }
  if (parsed.length === 0) throw new RangeError('Office hours need at least one session');
  return parsed;
}

export const defaultOfficeHours: OfficeHours = parseOfficeHours(['07:30-11:30', '13:00-17:00']);

export function openingOf(hours: OfficeHours): LocalMinutes {
  return hours[0]!.start;
}

export function closingOf(hours: OfficeHours): LocalMinutes {
  return hours[hours.length - 1]!.end;
}

export function isWithinOfficeHours(instant: Date, hours: OfficeHours, calendar: WorkingCalendar): boolean {
  if (!calendar.isWorkingDay(toLocalDate(instant))) return false;
  const minutes = toLocalMinutes(instant);
  return hours.some((s) => minutes >= s.start && minutes < s.end);
}

/** The instant itself when offices are open, else the next opening of a session on a working day. */
export function nextOfficeInstant(instant: Date, hours: OfficeHours, calendar: WorkingCalendar): Date {
  let date = toLocalDate(instant);
  let minutes = toLocalMinutes(instant);
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++) {
    if (calendar.isWorkingDay(date)) {
      for (const s of hours) {
        if (minutes < s.end) return atLocalTime(date, Math.max(minutes, s.start));
      }
    }
    date = addDays(date, 1);
    minutes = 0;
  }
  throw new RangeError('No office hours within ten years');
}

/** The instant `minutes` of office time after `from` (time outside sessions and on days off does not count). */
export function addOfficeMinutes(
  from: Date,
  minutes: number,
  hours: OfficeHours,
  calendar: WorkingCalendar,
): Date {
  if (!(minutes >= 0)) throw new RangeError(`Office minutes must be ≥ 0: ${minutes}`);
  let cursor = nextOfficeInstant(from, hours, calendar);
  let left = minutes;
  for (let i = 0; i < MAX_DAYS_SEARCHED * hours.length; i++) {
    const date = toLocalDate(cursor);
    const at = toLocalMinutes(cursor);
    const session = hours.find((s) => at >= s.start && at < s.end)!;
    const available = session.end - at;
    if (left <= available) return atLocalTime(date, at + left);
    left -= available;
    cursor = nextOfficeInstant(atLocalTime(date, session.end), hours, calendar);
  }
  throw new RangeError('Office time too long');
}

/** Office minutes between two instants (0 when `to` is not after `from`). */
export function officeMinutesBetween(
  from: Date,
  to: Date,
  hours: OfficeHours,
  calendar: WorkingCalendar,
): number {
  let total = 0;
  let cursor = nextOfficeInstant(from, hours, calendar);
  for (let i = 0; i < MAX_DAYS_SEARCHED * hours.length && cursor < to; i++) {
    const date = toLocalDate(cursor);
    const at = toLocalMinutes(cursor);
    const session = hours.find((s) => at >= s.start && at < s.end)!;
    const sessionEnd = atLocalTime(date, session.end);
    const end = sessionEnd < to ? sessionEnd : to;
    total += Math.round((end.getTime() - cursor.getTime()) / 60_000);
    cursor = nextOfficeInstant(sessionEnd, hours, calendar);
  }
  return total;
}

/**
 * When a counter receives dossiers: office hours on working days, plus extra sessions on given weekdays
 * (e.g. Saturday morning at some ward counters). Days off close the counter unless listed as open.
 */
export interface ReceptionSchedule {
  hours: OfficeHours;
  extraWeekdaySessions?: Partial<Record<number, OfficeHours>>;
  openDates?: LocalDate[];
}

export function isCounterOpen(
  instant: Date,
  schedule: ReceptionSchedule,
  calendar: WorkingCalendar,
): boolean {
  const date = toLocalDate(instant);
  const minutes = toLocalMinutes(instant);
  const inside = (sessions: OfficeHours | undefined) =>
    (sessions ?? []).some((s) => minutes >= s.start && minutes < s.end);
  if (calendar.isWorkingDay(date) || schedule.openDates?.includes(date)) {
    if (inside(schedule.hours)) return true;
  }
  const isPublicDayOff = calendar.exception(date)?.kind === 'day-off';
  return !isPublicDayOff && inside(schedule.extraWeekdaySessions?.[dayOfWeek(date)]);
}
