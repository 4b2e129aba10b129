import { countDossiers, periodOf, periodsBetween, statisticsBy } from '../../../server/statistics';
import { march, record, vn } from './records';

describe('reporting periods in Vietnam time', () => {
  it('starts a month at local midnight, 17:00 UTC the day before', () => {
    const march2026 = periodOf('month', vn('2026-03-01 00:30'));
    expect(march2026).toEqual({
      key: '2026-03',
      from: new Date('2026-02-28T17:00:00Z'),
      to: new Date('2026-03-31T17:00:00Z'),
    });
    expect(periodOf('month', vn('2026-02-28 23:59')).key).toBe('2026-02');
  });

  it('names quarters and years and rolls over December', () => {
    expect(periodOf('quarter', vn('2026-11-20 10:00'))).toEqual({
      key: '2026-Q4',
      from: vn('2026-10-01 00:00'),
      to: vn('2027-01-01 00:00'),
    });
    expect(periodOf('year', vn('2026-12-31 23:00')).key).toBe('2026');
    expect(periodOf('year', new Date('2026-12-31T17:30:00Z')).key).toBe('2027');
  });

  it('splits a range into the periods it overlaps, clipped at both ends', () => {
    const periods = periodsBetween('month', vn('2026-01-15 00:00'), vn('2026-03-10 00:00'));
    expect(periods.map((p) => p.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(periods[0]?.from).toEqual(vn('2026-01-15 00:00'));
    expect(periods[1]?.from).toEqual(vn('2026-02-01 00:00'));
    expect(periods[2]?.to).toEqual(vn('2026-03-10 00:00'));
    expect(() => periodsBetween('month', vn('2026-03-10 00:00'), vn('2026-03-01 00:00'))).toThrow(/from/);
  });
});

describe('grouped statistics', () => {
  const quarter = periodOf('quarter', vn('2026-02-10 10:00'));
  const otherWard = [
    record('S1', {
      agency: 'UBND phường Cửa Nam',
      procedure: '2.000815',
      receivedAt: vn('2026-01-31 23:30'), // 16:30 UTC: still January in Vietnam
      dueAt: vn('2026-02-03 17:00'),
      finishedAt: vn('2026-02-02 09:00'),
      status: 9,
    }),
    record('S2', {
      agency: 'UBND phường Cửa Nam',
      procedure: '2.000815',
      channel: 'online',
      receivedAt: vn('2026-03-01 00:30'), // 17:30 UTC on 28 Feb: March in Vietnam
      dueAt: vn('2026-03-04 17:00'),
    }),
  ];
  const all = [...march, ...otherWard];

  it('counts each month of the quarter in Vietnam time, carrying open dossiers into the next month', () => {
    const rows = statisticsBy(all, { from: quarter.from, to: quarter.to, groupBy: ['agency', 'period'] });
    const cuaNam = rows.filter((row) => row.agency === 'UBND phường Cửa Nam');
    expect(cuaNam.map((row) => [row.period, row.counts.received.total, row.counts.carriedOver])).toEqual([
      ['2026-01', 1, 0],
      ['2026-02', 0, 1],
      ['2026-03', 1, 0],
    ]);
    expect(cuaNam[0]?.counts.pending).toEqual({ total: 1, inTime: 1, overdue: 0 });
    expect(cuaNam[1]?.counts.resolved).toEqual({ total: 1, early: 1, onTime: 0, late: 0 });
    expect(cuaNam[2]?.counts.received.online).toBe(1);
  });

  it('the months of the quarter add up to the quarter for flows; the last month gives the pending stock', () => {
    const months = statisticsBy(all, { from: quarter.from, to: quarter.to, groupBy: ['period'] });
    const whole = countDossiers(all, quarter.from, quarter.to);
    const sum = (pick: (row: (typeof months)[number]) => number) =>
      months.reduce((total, row) => total + pick(row), 0);
    expect(sum((row) => row.counts.received.total)).toBe(whole.received.total);
    expect(sum((row) => row.counts.resolved.late)).toBe(whole.resolved.late);
    expect(sum((row) => row.counts.refused + row.counts.stopped + row.counts.withdrawn)).toBe(
      whole.refused + whole.stopped + whole.withdrawn,
    );
    expect(months.at(-1)?.counts.pending).toEqual(whole.pending);
  });

  it('groups by agency and procedure with one row per group that has dossiers', () => {
    const rows = statisticsBy(all, { from: quarter.from, to: quarter.to, groupBy: ['agency', 'procedure'] });
    expect(rows.map((row) => [row.agency, row.procedure, row.counts.received.total])).toEqual([
      ['UBND phường Cửa Nam', '2.000815', 2],
      ['UBND phường Hoàn Kiếm', '1.001193', 14],
    ]);
    expect(rows[0]).not.toHaveProperty('period');
  });

  it('groups by year', () => {
    const rows = statisticsBy(all, {
      from: vn('2026-01-01 00:00'),
      to: vn('2027-01-01 00:00'),
      groupBy: ['period'],
      period: 'year',
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.period).toBe('2026');
    expect(rows[0]?.counts.received.total).toBe(17);
  });
});
