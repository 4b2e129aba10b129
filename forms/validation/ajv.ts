// The one ajv set-up shared by validateDeclaration, the server and JSON Forms in the browser: ajv-formats plus
// the Một cửa vocabulary (refData, adminUnit, notFuture, cccd, money).
import Ajv, { type AnySchemaObject, type SchemaValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isCommuneOf, isRefCode, type RefDataName } from '../reference-data';
import { checkCccd, todayInVietnam, type Sex } from './cccd';

const REF_DATA: RefDataName[] = ['provinces', 'ethnicGroups', 'nationalities'];

interface CccdOptions {
  /** Sibling property holding the birth date (ISO) or birth year. */
  birthDate?: string;
  /** Sibling property holding the sex ('nam' | 'nu'). */
  sex?: string;
}

function withErrors(
  keyword: string,
  fn: (...args: Parameters<SchemaValidateFunction>) => boolean | string,
): SchemaValidateFunction {
  const validate: SchemaValidateFunction = (...args) => {
    const result = fn(...args);
    if (result === true) return true;
    const [schema] = args;
    validate.errors = [{ keyword, params: { problem: result === false ? 'invalid' : result, schema } }];
    return false;
  };
  return validate;
}

// Malformed dates are the format keyword's to report; the date keywords skip them.
const isIsoDate = (data: unknown): boolean => typeof data === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(data);

/** Age in completed years today in Vietnam (a birthday on 29 Feb counts from 1 Mar in other years). */
export function ageOn(birthDate: string, today: string = todayInVietnam()): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

function addVocabulary(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: 'refData',
    type: 'string',
    schemaType: 'string',
    metaSchema: { enum: REF_DATA },
    errors: true,
    validate: withErrors('refData', (list, data) => isRefCode(list as RefDataName, data as string)),
  });
  ajv.addKeyword({
    keyword: 'adminUnit',
    type: 'object',
    schemaType: 'boolean',
    errors: true,
    validate: withErrors('adminUnit', (enabled, data) => {
      const unit = data as { province?: unknown; commune?: unknown };
      if (!enabled || typeof unit.province !== 'string' || typeof unit.commune !== 'string') return true;
      if (!isRefCode('provinces', unit.province)) return true; // refData on province reports it
      return isCommuneOf(unit.province, unit.commune) || 'commune';
    }),
  });
  ajv.addKeyword({
    keyword: 'notFuture',
    type: 'string',
    schemaType: 'boolean',
    errors: true,
    validate: withErrors('notFuture', (enabled, data) => {
      if (!enabled || !isIsoDate(data)) return true;
      return (data as string) <= todayInVietnam();
    }),
  });
  ajv.addKeyword({
    keyword: 'minAge',
    type: 'string',
    schemaType: 'number',
    errors: true,
    validate: withErrors(
      'minAge',
      (years, data) => !isIsoDate(data) || ageOn(data as string) >= (years as number),
    ),
  });
  ajv.addKeyword({
    keyword: 'maxAge',
    type: 'string',
    schemaType: 'number',
    errors: true,
    validate: withErrors(
      'maxAge',
      (years, data) => !isIsoDate(data) || ageOn(data as string) <= (years as number),
    ),
  });
  ajv.addKeyword({
    keyword: 'cccd',
    type: 'string',
    schemaType: ['boolean', 'object'],
    errors: true,
    validate: withErrors('cccd', (options, data, _parent, cxt) => {
      if (options === false) return true;
      const opts: CccdOptions = typeof options === 'object' ? (options as CccdOptions) : {};
      const parent = (cxt?.parentData ?? {}) as Record<string, unknown>;
      const birthDate = opts.birthDate ? parent[opts.birthDate] : undefined;
      const sex = opts.sex ? parent[opts.sex] : undefined;
      const check = checkCccd(data, {
        ...(typeof birthDate === 'string' || typeof birthDate === 'number' ? { birthDate } : {}),
        ...(sex === 'nam' || sex === 'nu' ? { sex: sex as Sex } : {}),
      });
      return check.valid || (check.problems[0] ?? 'format');
    }),
  });
  // Annotation only: tells the money renderer the unit.
  ajv.addKeyword({ keyword: 'money', schemaType: 'string', metaSchema: { enum: ['VND'] } });
}

export function createMotcuaAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strictSchema: true,
    strictTypes: false,
    strictRequired: false,
    strictTuples: false,
    addUsedSchema: false,
  });
  addFormats(ajv);
  addVocabulary(ajv);
  return ajv;
}

export type { AnySchemaObject };
