// ISO-8601 durations, dates, repeating intervals (R[n]/[start/]duration) and 6-field Spring cron expressions.

export interface IsoDuration {
  years: number;
  months: number;
  days: number;
  ms: number;
  negative: boolean;
}

const DURATION =
  /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(-?\d+(?:\.\d+)?)H)?(?:(-?\d+(?:\.\d+)?)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/;

export function parseDuration(text: string): IsoDuration | null {
  const m = DURATION.exec(text.trim());
  if (!m || text.trim() === 'P' || text.trim().endsWith('T')) return null;
  const n = (i: number): number => Number(m[i] ?? 0);
  return {
    negative: m[1] === '-',
    years: n(2),
    months: n(3),
    days: n(4) * 7 + n(5),
    ms: (n(6) * 3600 + n(7) * 60 + n(8)) * 1000,
  };
}

export function addDuration(fromMs: number, d: IsoDuration): number {
  const sign = d.negative ? -1 : 1;
  const date = new Date(fromMs);
  if (d.years || d.months) date.setUTCMonth(date.getUTCMonth() + sign * (d.years * 12 + d.months));
  date.setUTCDate(date.getUTCDate() + sign * d.days);
  return date.getTime() + sign * d.ms;
}

/** Accepts ISO zoned date-times, including Java's `[Zone/Id]` suffix (the offset before it wins). */
export function parseDate(text: string): number | null {
  const cleaned = text.trim().replace(/\[[^\]]+\]$/, '');
  const ms = Date.parse(cleaned);
  return Number.isNaN(ms) ? null : ms;
}

export interface Cycle {
  repetitions: number;
  start?: number;
  interval: string;
}

export function parseCycle(text: string): Cycle | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('R')) return parseCron(trimmed) ? { repetitions: -1, interval: trimmed } : null;
  const parts = trimmed.split('/');
  const reps = parts[0]?.slice(1) ?? '';
  const repetitions = reps === '' ? -1 : Number(reps);
  if (Number.isNaN(repetitions)) return null;
  if (parts.length === 2 && parts[1] && parseDuration(parts[1])) return { repetitions, interval: parts[1] };
  if (parts.length === 3 && parts[1] && parts[2] && parseDuration(parts[2])) {
    const start = parseDate(parts[1]);
    if (start === null) return null;
    return { repetitions, start, interval: parts[2] };
  }
  return null;
}

/** Next due time after `fromMs` for an interval that is a duration or a cron text. */
export function nextAfter(interval: string, fromMs: number): number | null {
  const d = parseDuration(interval);
  if (d) return addDuration(fromMs, d);
  const cron = parseCron(interval);
  return cron ? cronNext(cron, fromMs) : null;
}

type CronField = Set<number>;
interface Cron {
  seconds: CronField;
  minutes: CronField;
  hours: CronField;
  days: CronField;
  months: CronField;
  weekdays: CronField;
  anyDay: boolean;
  anyWeekday: boolean;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function field(text: string, min: number, max: number, names?: string[], offset = 0): CronField | null {
  const out = new Set<number>();
  const value = (s: string): number => {
    const idx = names ? names.indexOf(s.toUpperCase()) : -1;
    return idx >= 0 ? idx + offset : Number(s);
  };
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    let lo = min;
    let hi = max;
    if (range !== '*' && range !== '?') {
      const [a = '', b] = range.split('-');
      lo = value(a);
      hi = b !== undefined ? value(b) : stepText ? max : lo;
    }
    if ([lo, hi, step].some((x) => Number.isNaN(x)) || lo < min || hi > max || step < 1) return null;
    for (let i = lo; i <= hi; i += step) out.add(i === 7 && names === DAYS ? 0 : i);
  }
  return out;
}

function parseCron(text: string): Cron | null {
  const parts = text.split(/\s+/);
  if (parts.length !== 6) return null;
  const [s, mi, h, d, mo, w] = parts as [string, string, string, string, string, string];
  const seconds = field(s, 0, 59);
  const minutes = field(mi, 0, 59);
  const hours = field(h, 0, 23);
  const days = field(d, 1, 31);
  const months = field(mo, 1, 12, MONTHS, 1);
  const weekdays = field(w, 0, 7, DAYS);
  if (!seconds || !minutes || !hours || !days || !months || !weekdays) return null;
  return {
    seconds,
    minutes,
    hours,
    days,
    months,
    weekdays,
    anyDay: d === '*' || d === '?',
    anyWeekday: w === '*' || w === '?',
  };
}

function cronNext(cron: Cron, fromMs: number): number | null {
  // Server-local time, as Zeebe evaluates cron in the broker's zone.
  const t = new Date(Math.floor(fromMs / 1000) * 1000 + 1000);
  const limit = fromMs + 5 * 366 * 24 * 3600 * 1000;
  while (t.getTime() < limit) {
    if (!cron.months.has(t.getMonth() + 1)) {
      t.setMonth(t.getMonth() + 1, 1);
      t.setHours(0, 0, 0);
      continue;
    }
    const dayOk = cron.days.has(t.getDate());
    const weekdayOk = cron.weekdays.has(t.getDay());
    const matches = cron.anyDay ? weekdayOk : cron.anyWeekday ? dayOk : dayOk || weekdayOk;
    if (!matches) {
      t.setDate(t.getDate() + 1);
      t.setHours(0, 0, 0);
      continue;
    }
    if (!cron.hours.has(t.getHours())) {
      t.setHours(t.getHours() + 1, 0, 0);
      continue;
    }
    if (!cron.minutes.has(t.getMinutes())) {
      t.setMinutes(t.getMinutes() + 1, 0);
      continue;
    }
    if (!cron.seconds.has(t.getSeconds())) {
      t.setSeconds(t.getSeconds() + 1);
      continue;
    }
    return t.getTime();
  }
  return null;
}
