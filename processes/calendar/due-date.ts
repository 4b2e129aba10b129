// The legal due date of a dossier (ngày hẹn trả kết quả) from its receipt, the procedure's time limit and the
// time spent waiting for the citizen. The rules, in order:
// 1. An online filing outside office hours counts as received at the next opening (configurable).
// 2. A per-procedure cut-off (the 15:00 rule): a later receipt counts as received the next working day.
// 3. The day of receipt is not counted; a period ending on a day off ends on the next working day
//    (Civil Code 2015, Arts. 147–148).
// 4. Time waiting for a supplement does not count: each finished pause adds its length back; while a pause is
//    open there is no due date.
import {
  closingOf,
  defaultOfficeHours,
  nextOfficeInstant,
  openingOf,
  isWithinOfficeHours,
} from './office-hours';
import { addOfficeMinutes, officeMinutesBetween, type OfficeHours } from './office-hours';
import {
  addDays,
  addMonths,
  atLocalTime,
  daysBetween,
  parseClockTime,
  toLocalDate,
  toLocalMinutes,
} from './local-date';
import type { LocalDate } from './local-date';
import type { WorkingCalendar } from './working-calendar';
import type { Channel } from '../dossier-vocabulary';

export const timeLimitUnits = ['working-days', 'days', 'hours', 'months', 'same-day'] as const;
export type TimeLimitUnit = (typeof timeLimitUnits)[number];

export interface TimeLimit {
  value: number;
  unit: TimeLimitUnit;
  /** 'HH:mm': a receipt at or after it counts from the next working day. */
  sameDayCutoff?: string;
}

/** A wait for the citizen (supplement request → supplement received); `to` absent while still waiting. */
export interface Pause {
  from: Date;
  to?: Date;
}

export interface DueDateInput {
  receivedAt: Date;
  timeLimit: TimeLimit;
  calendar: WorkingCalendar;
  channel?: Channel;
  pauses?: Pause[];
  officeHours?: OfficeHours;
  /** Online filings outside office hours count from the next opening (Circular 87/2021/TT-BTC). Default true. */
  onlineOutsideHoursCountsNextDay?: boolean;
}

export interface DueDate {
  /** The instant the clock starts from, after rules 1 and 2. */
  countedFrom: Date;
  /** The legal day of receipt, itself not counted. */
  receivedOn: LocalDate;
  /** null while the dossier waits for the citizen. */
  dueAt: Date | null;
  /** When the officer is warned; null while paused. */
  warnAt: Date | null;
  paused: boolean;
}

export function computeDueDate(input: DueDateInput): DueDate {
  const { timeLimit, calendar } = input;
  const hours = input.officeHours ?? defaultOfficeHours;
  checkTimeLimit(timeLimit);
  const pauses = checkPauses(input.pauses ?? [], input.receivedAt);

  let countedFrom = input.receivedAt;
  const onlineRule = input.onlineOutsideHoursCountsNextDay ?? true;
  if (input.channel === 'online' && onlineRule && !isWithinOfficeHours(countedFrom, hours, calendar)) {
    countedFrom = nextOfficeInstant(countedFrom, hours, calendar);
  }
  if (timeLimit.sameDayCutoff !== undefined) {
    const cutoff = parseClockTime(timeLimit.sameDayCutoff);
    if (toLocalMinutes(countedFrom) >= cutoff) {
      countedFrom = atLocalTime(calendar.nextWorkingDay(toLocalDate(countedFrom)), openingOf(hours));
    }
  }
  const receivedOn = toLocalDate(countedFrom);
  const paused = pauses.some((p) => p.to === undefined);
  if (paused) return { countedFrom, receivedOn, dueAt: null, warnAt: null, paused };

  const closing = closingOf(hours);
  const atClose = (date: LocalDate) => atLocalTime(date, closing);
  const finished = pauses as Required<Pause>[];
  const pausedWorkingDays = sum(finished, (p) =>
    calendar.workingDaysBetween(toLocalDate(p.from), toLocalDate(p.to)),
  );
  const pausedDays = sum(finished, (p) => daysBetween(toLocalDate(p.from), toLocalDate(p.to)));

  let dueAt: Date;
  switch (timeLimit.unit) {
    case 'working-days':
      dueAt = atClose(calendar.addWorkingDays(receivedOn, timeLimit.value + pausedWorkingDays));
      break;
    case 'days':
      dueAt = atClose(calendar.workingDayOnOrAfter(addDays(receivedOn, timeLimit.value + pausedDays)));
      break;
    case 'months':
      dueAt = atClose(
        calendar.workingDayOnOrAfter(addDays(addMonths(receivedOn, timeLimit.value), pausedDays)),
      );
      break;
    case 'same-day':
      dueAt = atClose(calendar.addWorkingDays(calendar.workingDayOnOrAfter(receivedOn), pausedWorkingDays));
      break;
    case 'hours': {
      const pausedMinutes = sum(finished, (p) => officeMinutesBetween(p.from, p.to, hours, calendar));
      dueAt = addOfficeMinutes(countedFrom, timeLimit.value * 60 + pausedMinutes, hours, calendar);
      break;
    }
  }
  return {
    countedFrom,
    receivedOn,
    dueAt,
    warnAt: warningTime(countedFrom, dueAt, timeLimit, hours),
    paused,
  };
}

/**
 * Day-based limits warn at the opening of the due day; hour-based ones when three quarters of the office time
 * is used. Never before the clock started.
 */
function warningTime(countedFrom: Date, dueAt: Date, limit: TimeLimit, hours: OfficeHours): Date {
  let warnAt: Date;
  if (limit.unit === 'hours' || limit.unit === 'same-day') {
    const span = dueAt.getTime() - countedFrom.getTime();
    warnAt = new Date(dueAt.getTime() - Math.min(span / 4, 60 * 60_000));
  } else {
    warnAt = atLocalTime(toLocalDate(dueAt), openingOf(hours));
  }
  return warnAt < countedFrom ? countedFrom : warnAt;
}

function checkTimeLimit(limit: TimeLimit): void {
  if (!(timeLimitUnits as readonly string[]).includes(limit.unit)) {
    throw new RangeError(`Đơn vị thời hạn không hợp lệ: '${limit.unit}'`);
  }
  const max = limit.unit === 'hours' ? 24 * 365 : 3_650;
  if (!Number.isInteger(limit.value) || limit.value < 0 || limit.value > max) {
    throw new RangeError(`Thời hạn giải quyết phải là số nguyên từ 0 đến ${max}: ${limit.value}`);
  }
  if (limit.sameDayCutoff !== undefined) parseClockTime(limit.sameDayCutoff);
}

function checkPauses(pauses: Pause[], receivedAt: Date): Pause[] {
  const sorted = [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime());
  sorted.forEach((pause, i) => {
    if (pause.from < receivedAt) throw new RangeError('Thời gian tạm dừng bắt đầu trước khi tiếp nhận hồ sơ');
    if (pause.to !== undefined && pause.to < pause.from)
      throw new RangeError('Thời gian tạm dừng kết thúc trước khi bắt đầu');
    if (pause.to === undefined && i < sorted.length - 1)
      throw new RangeError('Chỉ lần tạm dừng cuối cùng được phép chưa kết thúc');
    const next = sorted[i + 1];
    if (next && pause.to && next.from < pause.to) throw new RangeError('Các lần tạm dừng chồng lên nhau');
  });
  return sorted;
}

function sum<T>(items: T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}
