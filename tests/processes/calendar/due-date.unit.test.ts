import { computeDueDate, WorkingCalendar, type DueDateInput } from '../../../processes/calendar';

const calendar = new WorkingCalendar();
/** An instant given in Vietnam's local time. */
const vn = (local: string) => new Date(`${local}+07:00`);
const due = (input: Omit<DueDateInput, 'calendar'>) => computeDueDate({ calendar, ...input });

describe('working-day limits', () => {
  it('does not count the day of receipt and skips Tết 2026', () => {
    const result = due({ receivedAt: vn('2026-02-13T10:00'), timeLimit: { value: 1, unit: 'working-days' } });
    expect(result.receivedOn).toBe('2026-02-13');
    expect(result.dueAt).toEqual(vn('2026-02-23T17:00'));
    expect(result.warnAt).toEqual(vn('2026-02-23T07:30'));
  });

  it('moves a receipt after the 15:00 cut-off to the next working day', () => {
    const limit = { value: 3, unit: 'working-days' as const, sameDayCutoff: '15:00' };
    expect(due({ receivedAt: vn('2026-11-23T14:59'), timeLimit: limit }).dueAt).toEqual(
      vn('2026-11-26T17:00'),
    );
    const late = due({ receivedAt: vn('2026-11-23T15:00'), timeLimit: limit });
    expect(late.receivedOn).toBe('2026-11-24');
    expect(late.dueAt).toEqual(vn('2026-11-27T17:00'));
  });
});

describe('same-day limits (certification of copies)', () => {
  const limit = { value: 0, unit: 'same-day' as const, sameDayCutoff: '15:00' };
  it('returns the same day before 15:00 and the next working day after', () => {
    expect(due({ receivedAt: vn('2026-11-23T14:59'), timeLimit: limit }).dueAt).toEqual(
      vn('2026-11-23T17:00'),
    );
    expect(due({ receivedAt: vn('2026-11-23T15:00'), timeLimit: limit }).dueAt).toEqual(
      vn('2026-11-24T17:00'),
    );
    expect(due({ receivedAt: vn('2026-02-13T16:00'), timeLimit: limit }).dueAt).toEqual(
      vn('2026-02-23T17:00'),
    );
  });
});

describe('online filings', () => {
  const limit = { value: 1, unit: 'working-days' as const };
  it('counts a Saturday online filing from Monday, but a Saturday counter receipt from Saturday', () => {
    const online = due({ receivedAt: vn('2026-11-21T10:00'), timeLimit: limit, channel: 'online' });
    expect(online.countedFrom).toEqual(vn('2026-11-23T07:30'));
    expect(online.dueAt).toEqual(vn('2026-11-24T17:00'));
    const counter = due({ receivedAt: vn('2026-11-21T10:00'), timeLimit: limit, channel: 'counter' });
    expect(counter.dueAt).toEqual(vn('2026-11-23T17:00'));
  });

  it('counts an evening online filing from the next working day, unless the rule is switched off', () => {
    const evening = { receivedAt: vn('2026-11-23T18:00'), timeLimit: limit, channel: 'online' as const };
    expect(due(evening).dueAt).toEqual(vn('2026-11-25T17:00'));
    expect(due({ ...evening, onlineOutsideHoursCountsNextDay: false }).dueAt).toEqual(vn('2026-11-24T17:00'));
  });
});

describe('calendar days and months', () => {
  it('moves a period ending on a holiday to the next working day', () => {
    const result = due({ receivedAt: vn('2026-04-15T09:00'), timeLimit: { value: 15, unit: 'days' } });
    expect(result.dueAt).toEqual(vn('2026-05-04T17:00'));
  });

  it('clamps a month to its last day, then moves off the weekend', () => {
    const result = due({ receivedAt: vn('2026-01-31T09:00'), timeLimit: { value: 1, unit: 'months' } });
    expect(result.dueAt).toEqual(vn('2026-03-02T17:00'));
  });
});

describe('hour limits', () => {
  it('counts only office hours', () => {
    const result = due({ receivedAt: vn('2026-11-23T14:00'), timeLimit: { value: 8, unit: 'hours' } });
    expect(result.dueAt).toEqual(vn('2026-11-24T14:00'));
    expect(result.warnAt).toEqual(vn('2026-11-24T13:00'));
  });

  it('carries hours over Tết', () => {
    const result = due({ receivedAt: vn('2026-02-13T16:00'), timeLimit: { value: 2, unit: 'hours' } });
    expect(result.dueAt).toEqual(vn('2026-02-23T08:30'));
  });
});

describe('waiting for the citizen', () => {
  const base = { receivedAt: vn('2026-11-16T09:00'), timeLimit: { value: 3, unit: 'working-days' as const } };

  it('has no due date while waiting and adds the waited working days back after', () => {
    expect(due(base).dueAt).toEqual(vn('2026-11-19T17:00'));
    const waiting = due({ ...base, pauses: [{ from: vn('2026-11-17T10:00') }] });
    expect(waiting).toMatchObject({ paused: true, dueAt: null, warnAt: null });
    const resumed = due({ ...base, pauses: [{ from: vn('2026-11-17T10:00'), to: vn('2026-11-19T09:00') }] });
    expect(resumed.dueAt).toEqual(vn('2026-11-23T17:00'));
  });

  it('adds back waited office minutes for hour limits', () => {
    const result = due({
      receivedAt: vn('2026-11-23T08:00'),
      timeLimit: { value: 4, unit: 'hours' },
      pauses: [{ from: vn('2026-11-23T09:00'), to: vn('2026-11-23T14:00') }],
    });
    // 1 h before the pause, 3 h 30 min of office time paused (09:00–11:30, 13:00–14:00), 3 h after it.
    expect(result.dueAt).toEqual(vn('2026-11-23T17:00'));
  });

  it('refuses pauses that overlap or start before receipt', () => {
    expect(() =>
      due({ ...base, pauses: [{ from: vn('2026-11-15T09:00'), to: vn('2026-11-17T09:00') }] }),
    ).toThrow(/trước khi tiếp nhận/);
    expect(() =>
      due({
        ...base,
        pauses: [
          { from: vn('2026-11-17T09:00'), to: vn('2026-11-18T09:00') },
          { from: vn('2026-11-17T15:00'), to: vn('2026-11-19T09:00') },
        ],
      }),
    ).toThrow(/chồng lên nhau/);
  });
});

describe('bad limits', () => {
  it('names what is wrong', () => {
    expect(() => due({ receivedAt: vn('2026-11-23T09:00'), timeLimit: { value: -1, unit: 'days' } })).toThrow(
      /Thời hạn giải quyết/,
    );
    expect(() =>
      due({
        receivedAt: vn('2026-11-23T09:00'),
        timeLimit: { value: 1, unit: 'days', sameDayCutoff: '25:00' },
      }),
    ).toThrow(/25:00/);
  });
});
