import { WorkingCalendar } from '../../../processes/calendar';

const calendar = new WorkingCalendar();

describe('working days around the 2026 holidays', () => {
  it('skips the five weekdays of Tết Bính Ngọ (16–20/2/2026)', () => {
    for (const day of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(calendar.isWorkingDay(day)).toBe(false);
    }
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(calendar.addWorkingDays('2026-02-12', 3)).toBe('2026-02-24');
    expect(calendar.workingDaysBetween('2026-02-12', '2026-02-24')).toBe(3);
  });

  it('counts the Hùng Kings compensatory day and 30/4–1/5 in 2026', () => {
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
    expect(calendar.addWorkingDays('2026-04-23', 5)).toBe('2026-05-05');
    expect(calendar.workingDaysBetween('2026-04-23', '2026-05-05')).toBe(5);
  });

  it('counts Saturday 22/8/2026 as worked and 31/8–2/9/2026 as off', () => {
    expect(calendar.isWorkingDay('2026-08-22')).toBe(true);
    expect(calendar.addWorkingDays('2026-08-21', 1)).toBe('2026-08-22');
    expect(calendar.addWorkingDays('2026-08-28', 2)).toBe('2026-09-04');
  });

  it('crosses the year boundary with the swapped 2/1/2026 and the worked Saturday 10/1/2026', () => {
    expect(calendar.addWorkingDays('2025-12-31', 2)).toBe('2026-01-06');
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
    expect(calendar.exception('2026-01-02')?.name).toMatch(/hoán đổi/);
  });
});

describe('2025 decisions', () => {
  it('works Saturday 26/4/2025 and rests 30/4–4/5/2025', () => {
    expect(calendar.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(calendar.addWorkingDays('2025-04-29', 2)).toBe('2025-05-06');
  });

  it('rests Tết Ất Tỵ (27–31/1/2025) and Hùng Kings Monday 7/4/2025', () => {
    expect(calendar.addWorkingDays('2025-01-24', 1)).toBe('2025-02-03');
    expect(calendar.isWorkingDay('2025-04-07')).toBe(false);
  });
});

describe('a year without a Government decision (statutory rule)', () => {
  it('derives Tết Đinh Mùi 2027 and compensatory days for holidays on a weekend', () => {
    expect(calendar.hasDecisionFor(2027)).toBe(false);
    // Tết falls on Saturday 6/2/2027: 5/2 (last day of the year) and 6–9/2 are holidays, 6–7/2 weekend → 10–11/2.
    for (const day of ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']) {
      expect(calendar.isWorkingDay(day)).toBe(false);
    }
    expect(calendar.isWorkingDay('2027-02-12')).toBe(true);
    expect(calendar.exception('2027-04-16')?.status).toBe('statutory-rule');
  });
});

describe('admin and agency overrides', () => {
  it('lets the admin table and then the agency change a day', () => {
    const withClosure = new WorkingCalendar({
      entries: [{ date: '2026-11-25', kind: 'day-off', name: 'Nghỉ đột xuất do bão' }],
      agencyEntries: [{ date: '2026-11-28', kind: 'working-day', name: 'Làm việc thứ Bảy' }],
    });
    expect(withClosure.addWorkingDays('2026-11-24', 1)).toBe('2026-11-26');
    expect(withClosure.isWorkingDay('2026-11-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false);
    expect(withClosure.exceptionsOf(2026).map((e) => e.date)).toContain('2026-11-25');
  });

  it('refuses a malformed date in the table', () => {
    expect(
      () => new WorkingCalendar({ entries: [{ date: '2026-02-30', kind: 'day-off', name: 'x' }] }),
    ).toThrow(/2026-02-30/);
  });

  it('refuses negative or fractional working days', () => {
    expect(() => calendar.addWorkingDays('2026-11-24', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-11-24', 1.5)).toThrow(RangeError);
  });
});
