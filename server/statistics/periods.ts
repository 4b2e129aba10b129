// Reporting periods (month, quarter, year) with their bounds in Vietnam's time (UTC+7).
import { localDate, startOfLocalDay, toLocalDate, parseLocalDate } from '../../processes/calendar';
import type { PeriodKind } from './types';

export interface Period {
  key: string;
  from: Date;
  /** Exclusive. */
  to: Date;
}

const monthsIn: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

function periodKey(kind: PeriodKind, year: number, month: number): string {
  if (kind === 'year') return String(year);
  if (kind === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The period containing the instant. */
export function periodOf(kind: PeriodKind, instant: Date): Period {
  const { year, month } = parseLocalDate(toLocalDate(instant));
  const span = monthsIn[kind];
  const firstMonth = Math.floor((month - 1) / span) * span + 1;
  return periodFrom(kind, year, firstMonth);
}

function periodFrom(kind: PeriodKind, year: number, firstMonth: number): Period {
  const span = monthsIn[kind];
  const nextIndex = year * 12 + (firstMonth - 1) + span;
  return {
    key: periodKey(kind, year, firstMonth),
    from: startOfLocalDay(localDate(year, firstMonth, 1)),
    to: startOfLocalDay(localDate(Math.floor(nextIndex / 12), (nextIndex % 12) + 1, 1)),
  };
}

/** Every period that overlaps [from, to), clipped to it. */
export function periodsBetween(kind: PeriodKind, from: Date, to: Date): Period[] {
  if (!(from < to)) throw new RangeError('Khoảng thời gian thống kê không hợp lệ: "from" phải trước "to"');
  const periods: Period[] = [];
  let period = periodOf(kind, from);
  while (period.from < to) {
    periods.push({
      key: period.key,
      from: period.from < from ? from : period.from,
      to: period.to > to ? to : period.to,
    });
    period = periodOf(kind, period.to);
  }
  return periods;
}
