// Structure of the 12-digit personal identification number (số định danh cá nhân, printed on the CCCD):
// 3 digits = province where the birth was registered, 1 digit = sex and century of birth, 2 digits = last two
// digits of the birth year, 6 random digits (Decree 137/2015/NĐ-CP Art. 7; Circular 07/2016/TT-BCA Art. 7).
import { toLocalDate } from '../../processes/calendar/local-date';
import { cccdBirthplaces } from '../reference-data';

export type Sex = 'nam' | 'nu';
export type CccdProblem = 'format' | 'birthplace' | 'futureYear' | 'birthYear' | 'sex';

export interface CccdCheck {
  valid: boolean;
  problems: CccdProblem[];
  birthplaceCode?: string;
  birthplaceName?: string;
  sex?: Sex;
  birthYear?: number;
}

export interface CccdContext {
  /** ISO date (yyyy-MM-dd) or year the holder was born, when the form gives it. */
  birthDate?: string | number;
  sex?: Sex;
  /** Current year in Vietnam; defaults to today's (UTC+7). */
  currentYear?: number;
}

const birthplaceNames = new Map(cccdBirthplaces.items.map((p) => [p.code, p.name]));

/** Vietnam's civil date (UTC+7) regardless of the runtime's time zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return toLocalDate(now);
}

function yearOf(birthDate: string | number): number | undefined {
  if (typeof birthDate === 'number') return birthDate;
  const match = /^(\d{4})/.exec(birthDate);
  return match ? Number(match[1]) : undefined;
}

export function checkCccd(value: unknown, context: CccdContext = {}): CccdCheck {
  if (typeof value !== 'string' || !/^\d{12}$/.test(value)) return { valid: false, problems: ['format'] };
  const problems: CccdProblem[] = [];
  const birthplaceCode = value.slice(0, 3);
  const birthplaceName = birthplaceNames.get(birthplaceCode);
  if (!birthplaceName) problems.push('birthplace');

  const sexCentury = Number(value[3]);
  const sex: Sex = sexCentury % 2 === 0 ? 'nam' : 'nu';
  // 0/1 = 20th century, 2/3 = 21st, … 8/9 = 24th.
  const birthYear = 1900 + Math.floor(sexCentury / 2) * 100 + Number(value.slice(4, 6));
  const currentYear = context.currentYear ?? Number(todayInVietnam().slice(0, 4));
  if (birthYear > currentYear) problems.push('futureYear');

  const declaredYear = context.birthDate === undefined ? undefined : yearOf(context.birthDate);
  if (declaredYear !== undefined && declaredYear !== birthYear) problems.push('birthYear');
  if (context.sex !== undefined && context.sex !== sex) problems.push('sex');

  return {
    valid: problems.length === 0,
    problems,
    ...(birthplaceName ? { birthplaceCode, birthplaceName } : {}),
    sex,
    birthYear,
  };
}
