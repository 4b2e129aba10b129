import {
  classifyCompletion,
  formatAppointmentVi,
  isCounterOpen,
  lunarNewYear,
  lunarToSolar,
  parseOfficeHours,
  remainingWorkingDays,
  solarToLunar,
  statutoryHolidays,
  stepDueDates,
  unallocatedWorkingDays,
  WorkingCalendar,
} from '../../../processes/calendar';

const calendar = new WorkingCalendar();
const vn = (local: string) => new Date(`${local}+07:00`);

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [1985, '1985-01-21'], // differs from the Chinese calendar (20/2/1985)
    [2007, '2007-02-17'], // differs from the Chinese calendar (18/2/2007)
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('Tết %i falls on %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it('converts Hùng Kings day (10/3) and a leap month both ways', () => {
    expect(lunarToSolar({ day: 10, month: 3, year: 2025, leap: false })).toBe('2025-04-07');
    expect(lunarToSolar({ day: 10, month: 3, year: 2026, leap: false })).toBe('2026-04-26');
    expect(solarToLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(lunarToSolar({ day: 1, month: 5, year: 2026, leap: true })).toBeNull();
  });

  it('lists eleven statutory holidays plus compensatory days', () => {
    const days2027 = statutoryHolidays(2027).filter((h) => !h.name.startsWith('Nghỉ bù'));
    expect(days2027).toHaveLength(11);
  });
});

describe('reception hours, separate from counting', () => {
  const schedule = {
    hours: parseOfficeHours(['07:30-11:30', '13:00-17:00']),
    extraWeekdaySessions: { 6: parseOfficeHours(['07:30-11:30']) },
  };

  it('opens the ward counter on Saturday morning but not on a Saturday of Tết', () => {
    expect(isCounterOpen(vn('2026-11-21T09:00'), schedule, calendar)).toBe(true);
    expect(isCounterOpen(vn('2026-11-21T14:00'), schedule, calendar)).toBe(false);
    expect(isCounterOpen(vn('2026-02-14T09:00'), schedule, calendar)).toBe(false);
    expect(isCounterOpen(vn('2026-11-23T12:00'), schedule, calendar)).toBe(false);
    expect(calendar.isWorkingDay('2026-11-21')).toBe(false);
  });

  it('refuses overlapping or inverted sessions', () => {
    expect(() => parseOfficeHours(['07:30-11:30', '11:00-17:00'])).toThrow(/overlap/);
    expect(() => parseOfficeHours(['17:00-13:00'])).toThrow(/17:00-13:00/);
  });
});

describe('on-time statistics', () => {
  const dueAt = vn('2026-11-24T17:00');
  it('compares civil days for day limits and instants for hour limits', () => {
    expect(classifyCompletion(vn('2026-11-23T16:00'), dueAt, 'working-days')).toBe('early');
    expect(classifyCompletion(vn('2026-11-24T17:30'), dueAt, 'working-days')).toBe('on-time');
    expect(classifyCompletion(vn('2026-11-25T08:00'), dueAt, 'working-days')).toBe('late');
    expect(classifyCompletion(vn('2026-11-24T17:30'), dueAt, 'hours')).toBe('late');
  });

  it('counts working days left, negative when overdue', () => {
    expect(remainingWorkingDays(vn('2026-11-20T09:00'), dueAt, calendar)).toBe(2);
    expect(remainingWorkingDays(vn('2026-11-26T09:00'), dueAt, calendar)).toBe(-2);
  });
});

describe('step budgets of an internal procedure', () => {
  it('splits a 12-day house permit into counter 1 + office 10 + counter 1', () => {
    const steps = [
      { step: 'tiep-nhan', workingDays: 1 },
      { step: 'tham-dinh', workingDays: 10 },
      { step: 'tra-ket-qua', workingDays: 1 },
    ];
    expect(stepDueDates('2026-11-23', steps, calendar).map((s) => s.dueOn)).toEqual([
      '2026-11-24',
      '2026-12-08',
      '2026-12-09',
    ]);
    expect(unallocatedWorkingDays(12, steps)).toBe(0);
    expect(() => unallocatedWorkingDays(11, steps)).toThrow(/vượt thời hạn/);
  });
});

it('writes an appointment the way the slip does', () => {
  expect(formatAppointmentVi(vn('2026-02-23T17:00'))).toBe('17 giờ 00 phút, ngày 23 tháng 02 năm 2026');
});
