// The one calendar-date check (isLocalDate): what a 'YYYY-MM-DD' civil day is, and how the working calendar
// treats a stored entry that is not one.
import {
  WorkingCalendar,
  isLocalDate,
  parseLocalDate,
  type CalendarEntry,
} from '../../../processes/calendar';

describe('isLocalDate', () => {
  it.each(['2026-02-28', '2028-02-29', '2000-02-29', '2026-01-31', '2026-04-30', '2026-12-31', '0001-01-01'])(
    'accepts the real day %s',
    (date) => {
      expect(isLocalDate(date)).toBe(true);
      expect(() => parseLocalDate(date)).not.toThrow();
    },
  );

  it.each([
    ['2027-02-31', 'no 31 February'],
    ['2026-02-29', '2026 is not a leap year'],
    ['1900-02-29', 'a century is a leap year only when divisible by 400'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-13-01', 'no month 13'],
    ['2026-00-10', 'no month 0'],
    ['2026-01-00', 'no day 0'],
    ['2026-1-01', 'two-digit month'],
    ['2026-01-01T00:00:00Z', 'an instant, not a day'],
    [' 2026-01-01', 'surrounding space'],
    ['', 'empty'],
  ])('refuses %s (%s)', (date) => {
    expect(isLocalDate(date)).toBe(false);
    expect(() => parseLocalDate(date)).toThrow(RangeError);
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 20260101, new Date(), ['2026-01-01']])
      expect(isLocalDate(value)).toBe(false);
  });
});

describe('a calendar entry that is not a real day', () => {
  const bad: CalendarEntry = { date: '2027-02-31', kind: 'day-off', name: 'Ngày không có thật' };
  const good: CalendarEntry = { date: '2027-03-02', kind: 'day-off', name: 'Nghỉ bù' };

  it('is left out and reported when the caller gives a reporter, the other entries still count', () => {
    const rejected: [string, string][] = [];
    const calendar = new WorkingCalendar({
      entries: [bad, good, { date: '2027-03-03', kind: 'holiday' as never, name: 'Kiểu lạ' }],
      onRejectedEntry: (entry, problem) => rejected.push([entry.date, problem]),
    });
    expect(rejected).toEqual([
      ['2027-02-31', "not a calendar date (YYYY-MM-DD): '2027-02-31'"],
      ['2027-03-03', "not a kind of calendar entry: 'holiday'"],
    ]);
    expect(calendar.isWorkingDay('2027-03-02')).toBe(false);
    expect(calendar.isWorkingDay('2027-03-03')).toBe(true);
    expect(calendar.addWorkingDays('2027-02-26', 1)).toBe('2027-03-01');
  });

  it('throws without a reporter, so a bad bundled data file fails loudly', () => {
    expect(() => new WorkingCalendar({ entries: [bad] })).toThrow(/2027-02-31/);
  });
});
