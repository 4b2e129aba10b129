// Calendar days in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving) and their link to instants.
// Instants stay JS Dates (UTC inside); a LocalDate is the civil day an instant falls on in Vietnam.

/** A civil day in Vietnam, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** Minutes after local midnight, e.g. 15:00 → 900. */
export type LocalMinutes = number;

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The month's last day: 28–31 (Gregorian leap years: divisible by 4, centuries only by 400). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function calendarParts(value: unknown): { year: number; month: number; day: number } | undefined {
  const match = typeof value === 'string' ? LOCAL_DATE_PATTERN.exec(value) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/**
 * The one check of a 'YYYY-MM-DD' civil day, used by the API's `local-date` format, the forms' `date` format and
 * the working calendar: 2027-02-31, 2026-02-29 and 2026-13-01 are not days.
 */
export function isLocalDate(value: unknown): value is LocalDate {
  return calendarParts(value) !== undefined;
}

/** Throws on anything that is not a real calendar day, so bad data files fail loudly. */
export function parseLocalDate(date: LocalDate): { year: number; month: number; day: number } {
  const parts = calendarParts(date);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): '${date}'`);
  return parts;
}

export function localDate(year: number, month: number, day: number): LocalDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The civil day in Vietnam on which the instant falls. */
export function toLocalDate(instant: Date): LocalDate {
  const shifted = new Date(instant.getTime() + VIETNAM_UTC_OFFSET_MINUTES * MS_PER_MINUTE);
  return localDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Minutes after local midnight of the instant, in Vietnam. */
export function toLocalMinutes(instant: Date): LocalMinutes {
  const shifted = instant.getTime() + VIETNAM_UTC_OFFSET_MINUTES * MS_PER_MINUTE;
  return Math.floor((((shifted % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_MINUTE);
}

/** The instant of a local wall-clock time on a civil day in Vietnam. */
export function atLocalTime(date: LocalDate, minutes: LocalMinutes): Date {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day) + (minutes - VIETNAM_UTC_OFFSET_MINUTES) * MS_PER_MINUTE);
}

export function startOfLocalDay(date: LocalDate): Date {
  return atLocalTime(date, 0);
}

/** 'HH:mm' → minutes after midnight; throws on malformed input. */
export function parseClockTime(time: string): LocalMinutes {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`Not a time of day (HH:mm): '${time}'`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  const shifted = new Date(Date.UTC(year, month - 1, day) + days * MS_PER_DAY);
  return localDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const pa = parseLocalDate(a);
  const pb = parseLocalDate(b);
  return Math.round(
    (Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / MS_PER_DAY,
  );
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isWeekend(date: LocalDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

/** Same day number `months` later; clamped to the month's last day (Civil Code 2015, Art. 147). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return localDate(targetYear, targetMonth, Math.min(day, lastDay));
}
