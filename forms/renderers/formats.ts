// Display formats of the Vietnamese forms: dates as dd/MM/yyyy (stored ISO), money as 1.500.000 đ (stored integer).
import { isLocalDate } from '../../processes/calendar/local-date';

/** yyyy-MM-dd → dd/MM/yyyy; anything else is shown as typed. */
export function isoToDisplayDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/**
 * dd/MM/yyyy (also d/M/yyyy, with - or .) → yyyy-MM-dd when it is a real calendar date; otherwise the text as
 * typed, so validation reports it instead of silently dropping it. Empty → undefined.
 */
export function displayToIsoDate(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (!m) return trimmed;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isLocalDate(iso) ? iso : trimmed;
}

/** 1500000 → "1.500.000" (Vietnamese digit grouping). */
export function formatVnd(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return Math.trunc(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "1.500.000 đ" → 1500000; no digits → undefined. */
export function parseVnd(text: string): number | undefined {
  const digits = text.replace(/\D/g, '');
  return digits === '' ? undefined : Number(digits);
}
