import { countDossiers, gradeAt, endingOf, periodOf } from '../../../server/statistics';
import { WorkingCalendar } from '../../../processes/calendar';
import { march, record, vn } from './records';

const { from, to } = periodOf('month', vn('2026-03-15 12:00'));

describe('Decision 766 counts over a month', () => {
  const counts = countDossiers(march, from, to);

  it('counts dossiers received in the month by channel, refusals at intake excluded', () => {
    expect(counts.received).toEqual({ total: 12, counter: 6, online: 4, post: 2 });
  });

  it('carries over what was received before the month and still open when it began', () => {
    expect(counts.carriedOver).toBe(1);
  });

  it('grades resolved dossiers: supplement time subtracted, two supplement requests late, hours compared as instants', () => {
    expect(counts.resolved).toEqual({ total: 8, early: 2, onTime: 3, late: 3 });
    expect(counts.onTimeRate).toBeCloseTo(5 / 8);
  });

  it('splits pending dossiers at the month end into in time and overdue, a dossier with the citizen graded at the request', () => {
    expect(counts.pending).toEqual({ total: 3, inTime: 2, overdue: 1 });
  });

  it('counts refused, stopped and withdrawn at the time they ended', () => {
    expect([counts.refused, counts.stopped, counts.withdrawn]).toEqual([1, 1, 1]);
  });

  it('averages processing time less the time with the citizen', () => {
    // A 49 h, B 79 h, C 96 h, D 198 − 144 = 54 h, E 24 − 2 = 22 h, F 266 h, O 73 h, P 5 h.
    expect(counts.averageProcessingHours).toBeCloseTo(644 / 8);
  });

  it('gives empty counts and null averages for a month without dossiers', () => {
    const { from: aprilFrom, to: aprilTo } = periodOf('month', vn('2026-06-10 12:00'));
    const none = countDossiers([], aprilFrom, aprilTo);
    expect(none.resolved.total).toBe(0);
    expect(none.onTimeRate).toBeNull();
    expect(none.averageProcessingHours).toBeNull();
  });
});

describe('dossiers the machine has trouble with', () => {
  it('counts a finished dossier with an incident (or a stalled step) under processIncident, never resolved, early or on time', () => {
    const marked = march.map((r) =>
      r.finishedAt || r.returnedAt ? { ...r, processHealth: 'incident' as const } : r,
    );
    const counts = countDossiers(marked, from, to);
    expect(counts.resolved).toEqual({ total: 0, early: 0, onTime: 0, late: 0 });
    expect(counts.processIncident).toBe(8);
    expect(counts.onTimeRate).toBeNull();
    const stalled = countDossiers([{ ...march[0]!, processHealth: 'stalled' }], from, to);
    expect([stalled.resolved.total, stalled.processIncident]).toEqual([0, 1]);
  });
});

describe('one dossier clock', () => {
  const calendar = new WorkingCalendar();

  it('ends at the finish even when the result was returned later, and at the return when no finish is recorded', () => {
    const finished = record('X', { finishedAt: vn('2026-03-05 10:00'), returnedAt: vn('2026-03-09 10:00') });
    expect(endingOf(finished)).toEqual({ kind: 'finished', at: vn('2026-03-05 10:00') });
    const returned = record('Y', { returnedAt: vn('2026-03-09 10:00') });
    expect(endingOf(returned)?.kind).toBe('returned');
  });

  it('ends at the first terminal event', () => {
    const both = record('Z', {
      finishedAt: vn('2026-03-06 10:00'),
      terminalEvents: [{ kind: 'withdrawn', at: vn('2026-03-04 10:00') }],
    });
    expect(endingOf(both)?.kind).toBe('withdrawn');
  });

  it('finishing on the due day after office hours is still on time for day limits', () => {
    const late = record('W', { receivedAt: vn('2026-03-02 09:00'), dueAt: vn('2026-03-05 17:00') });
    expect(gradeAt(late, vn('2026-03-05 19:30'), calendar)).toBe('on-time');
    expect(gradeAt(late, vn('2026-03-06 07:00'), calendar)).toBe('late');
  });

  it('a supplement request still open after the due day keeps the dossier in time', () => {
    const waiting = record('V', {
      receivedAt: vn('2026-03-02 09:00'),
      dueAt: vn('2026-03-05 17:00'),
      supplementRequests: [{ requestedAt: vn('2026-03-04 09:00') }],
    });
    expect(countDossiers([waiting], from, to).pending).toEqual({ total: 1, inTime: 1, overdue: 0 });
  });
});

describe('records that contradict themselves', () => {
  it('refuses a finished status without a finish time, naming the field', () => {
    expect(() =>
      countDossiers([record('R1', { status: 9, receivedAt: vn('2026-03-02 09:00') })], from, to),
    ).toThrow(/R1.*finishedAt/);
  });

  it('refuses a stopped status without its event', () => {
    expect(() => countDossiers([record('R2', { status: 8 })], from, to)).toThrow(/R2.*stopped/);
  });

  it('refuses a supplement supplied before it was requested', () => {
    const bad = record('R3', {
      supplementRequests: [{ requestedAt: vn('2026-03-04 09:00'), suppliedAt: vn('2026-03-03 09:00') }],
    });
    expect(() => countDossiers([bad], from, to)).toThrow(/R3.*suppliedAt/);
  });

  it('refuses to grade a dossier with neither appointment nor time limit', () => {
    const bad = record('R4', { receivedAt: vn('2026-03-02 09:00') });
    expect(() => countDossiers([bad], from, to)).toThrow(/R4.*dueAt.*timeLimit/);
  });
});
