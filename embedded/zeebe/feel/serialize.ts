// Converts feelin results to the JSON Zeebe stores. Zeebe writes temporals with Java's toString():
// zero seconds are dropped (`2024-01-04T10:00Z`), zone ids are bracketed, day-time durations are in hours.
import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';

function javaTime(hms: string): string {
  // "10:00:00" → "10:00", "10:00:05.5" stays.
  return hms.replace(/^(\d\d:\d\d):00(?!\.)/, '$1');
}

function dateTimeToJava(value: FeelDateTime): string {
  const iso = value.iso;
  const at = iso.indexOf('@');
  if (at >= 0) {
    const local = iso.slice(0, at);
    const zone = iso.slice(at + 1);
    return `${javaLocal(local)}${offsetOf(value)}[${zone}]`;
  }
  const m = /^(.*T[\d:.]+)(Z|[+-]\d\d:\d\d)?$/.exec(iso);
  if (!m || !m[1]) return iso;
  return `${javaLocal(m[1])}${m[2] ?? ''}`;
}

function javaLocal(local: string): string {
  const [date, time] = local.split('T');
  return `${date}T${javaTime(time ?? '00:00:00')}`;
}

function offsetOf(value: FeelDateTime): string {
  const offset = (value as unknown as { 'time offset'?: FeelDuration })['time offset'];
  if (!offset) return '';
  const totalSeconds = Math.round(offset.value.total({ unit: 'seconds' }));
  if (totalSeconds === 0) return 'Z';
  const sign = totalSeconds < 0 ? '-' : '+';
  const abs = Math.abs(totalSeconds);
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = String(Math.floor((abs % 3600) / 60)).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

export function durationToJava(value: FeelDuration): string {
  if (value.yearsMonths) return value.iso;
  const total = value.value.total({ unit: 'seconds' });
  if (total === 0) return 'PT0S';
  const sign = total < 0 ? '-' : '';
  let rest = Math.abs(total);
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  rest -= minutes * 60;
  let out = 'PT';
  if (hours) out += `${sign}${hours}H`;
  if (minutes) out += `${sign}${minutes}M`;
  if (rest) out += `${sign}${Number(rest.toFixed(9))}S`;
  return out;
}

/** FEEL value → plain JSON value as Zeebe would store it. */
export function toZeebeJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof FeelDateTime) return dateTimeToJava(value);
  if (value instanceof FeelDate) return value.iso;
  if (value instanceof FeelTime) return javaTime(value.iso.replace('@', '['));
  if (value instanceof FeelDuration) return durationToJava(value);
  // Zeebe computes with BigDecimal (0.1 + 0.2 = 0.3); 15 significant digits undo binary-double noise.
  if (typeof value === 'number') return Number.isFinite(value) ? Number(value.toPrecision(15)) : null;
  if (Array.isArray(value)) return value.map(toZeebeJson);
  if (typeof value === 'function') return null;
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toZeebeJson(v);
    return out;
  }
  return value;
}
