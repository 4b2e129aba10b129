// Timer definitions: ISO durations, dates with zone ids, repeating intervals and Spring cron.
import {
  addDuration,
  nextAfter,
  parseCycle,
  parseDate,
  parseDuration,
} from '../../../embedded/zeebe/engine/timer-spec';

const at = (iso: string) => Date.parse(iso);

test('ISO durations, weeks and calendar months', () => {
  const d = parseDuration('P1DT2H30M') as NonNullable<ReturnType<typeof parseDuration>>;
  expect(addDuration(at('2024-01-01T00:00:00Z'), d)).toBe(at('2024-01-02T02:30:00Z'));
  expect(addDuration(at('2024-01-31T00:00:00Z'), parseDuration('P1M') as never)).toBe(
    at('2024-03-02T00:00:00Z'),
  );
  expect(addDuration(0, parseDuration('P2W') as never)).toBe(14 * 24 * 3600 * 1000);
  expect(parseDuration('PT')).toBeNull();
  expect(parseDuration('soon')).toBeNull();
});

test('dates keep their offset and ignore a Java zone-id suffix', () => {
  expect(parseDate('2024-01-04T10:00+07:00[Asia/Ho_Chi_Minh]')).toBe(at('2024-01-04T03:00:00Z'));
  expect(parseDate('not a date')).toBeNull();
});

test('repeating intervals: R3/PT1S, infinite R/PT1H, and a start date', () => {
  expect(parseCycle('R3/PT1S')).toEqual({ repetitions: 3, interval: 'PT1S' });
  expect(parseCycle('R/PT1H')).toEqual({ repetitions: -1, interval: 'PT1H' });
  expect(parseCycle('R2/2024-01-01T00:00:00Z/P1D')).toEqual({
    repetitions: 2,
    start: at('2024-01-01T00:00:00Z'),
    interval: 'P1D',
  });
  expect(parseCycle('R2/xx')).toBeNull();
});

test('6-field cron: working hours on weekdays', () => {
  const cycle = parseCycle('0 0 9-17 * * MON-FRI');
  expect(cycle?.repetitions).toBe(-1);
  const saturday = new Date(2024, 0, 6, 12, 0, 0).getTime();
  const next = new Date(nextAfter('0 0 9-17 * * MON-FRI', saturday) as number);
  expect([next.getDay(), next.getHours(), next.getMinutes()]).toEqual([1, 9, 0]);
});
