// What the Một cửa keywords check, as plain functions. The generated validators (compiled at run time by ajv,
// or ahead of time into compiled/validators.js for pages whose CSP forbids eval) call these by name.
import type { FormatDefinition } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats';
import { isLocalDate } from '../../processes/calendar/local-date';
import { isCommuneOf, isRefCode, type RefDataName } from '../reference-data';
import { checkCccd, todayInVietnam, type Sex } from './cccd';

/**
 * The string formats the validators check: ajv-formats' full set, with `date` the working calendar's own check of
 * a civil day (isLocalDate), the one the API's local-date format uses, so a form and the API never disagree.
 */
export const formats = {
  ...fullFormats,
  date: { ...(fullFormats.date as FormatDefinition<string>), validate: isLocalDate },
};

/** true when valid, else the problem code reported in the error's params. */
export type KeywordResult = true | string;

/** Age in completed years on `today` (a 29 Feb birthday counts from 1 Mar in other years). */
export function ageOn(birthDate: string, today: string = todayInVietnam()): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

export function refData(list: RefDataName, data: unknown): KeywordResult {
  return typeof data !== 'string' || isRefCode(list, data) || 'notInList';
}

export function adminUnit(enabled: boolean, data: unknown): KeywordResult {
  const unit = (data ?? {}) as { province?: unknown; commune?: unknown };
  if (!enabled || typeof unit.province !== 'string' || typeof unit.commune !== 'string') return true;
  if (!isRefCode('provinces', unit.province)) return true; // refData on the province reports it
  return isCommuneOf(unit.province, unit.commune) || 'commune';
}

// Malformed dates and days that do not exist are the format keyword's to report; the date keywords skip them.
export function notFuture(enabled: boolean, data: unknown): KeywordResult {
  return !enabled || !isLocalDate(data) || data <= todayInVietnam() || 'future';
}

export function minAge(years: number, data: unknown): KeywordResult {
  return !isLocalDate(data) || ageOn(data) >= years || 'tooYoung';
}

export function maxAge(years: number, data: unknown): KeywordResult {
  return !isLocalDate(data) || ageOn(data) <= years || 'tooOld';
}

interface CccdOptions {
  /** Sibling property holding the birth date (ISO) or birth year. */
  birthDate?: string;
  /** Sibling property holding the sex ('nam' | 'nu'). */
  sex?: string;
}

export function cccd(options: boolean | CccdOptions, data: unknown, parentData: unknown): KeywordResult {
  if (options === false) return true;
  const opts: CccdOptions = typeof options === 'object' ? options : {};
  const parent = (parentData ?? {}) as Record<string, unknown>;
  const birthDate = opts.birthDate ? parent[opts.birthDate] : undefined;
  const sex = opts.sex ? parent[opts.sex] : undefined;
  const check = checkCccd(data, {
    ...(typeof birthDate === 'string' || typeof birthDate === 'number' ? { birthDate } : {}),
    ...(sex === 'nam' || sex === 'nu' ? { sex: sex as Sex } : {}),
  });
  return check.valid || (check.problems[0] ?? 'format');
}
