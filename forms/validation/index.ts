// One validation module for the server and the browser (no Node imports): ajv 8 + ajv-formats + the Một cửa
// vocabulary, with messages in Vietnamese (or English) that name the field.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { FormDefinition, Lang } from '../types';
import type Ajv from 'ajv';
import { createMotcuaAjv } from './ajv';
import { precompiledValidator } from './precompiled';
import { fieldLabel } from './labels';
import { wordError } from './messages';

export { checkCccd, todayInVietnam } from './cccd';
export type { CccdCheck, CccdContext, CccdProblem, Sex } from './cccd';
export { createMotcuaAjv } from './ajv';
export { createFormsAjv, precompiledValidator } from './precompiled';
export { fieldLabel } from './labels';

export interface DeclarationError {
  /** JSON pointer into the data, e.g. /child/birthDate. */
  path: string;
  /** The field's label as the form shows it. */
  field: string;
  message: string;
  /** The ajv keyword that failed (`required` for a missing field). */
  keyword: string;
}

export interface DeclarationResult {
  valid: boolean;
  errors: DeclarationError[];
}

let runtimeAjv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

/** The precompiled validator of the form; compiled here only for a schema edited since precompile.ts ran. */
function validatorFor(form: FormDefinition): ValidateFunction {
  let validate = compiled.get(form.schema) ?? precompiledValidator(form.schema);
  if (!validate) {
    runtimeAjv ??= createMotcuaAjv();
    validate = runtimeAjv.compile(form.schema);
  }
  compiled.set(form.schema, validate);
  return validate;
}

/** The data path an error is about: `required` points at the missing property, adminUnit at the commune. */
export function errorPath(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `${error.instancePath}/${String(params.missingProperty)}`;
  if (error.keyword === 'adminUnit') return `${error.instancePath}/${String(params.problem)}`;
  return error.instancePath;
}

/** Errors that only repeat another: the `if` wrapper, and the per-branch `const` misses of a oneOf list. */
function isNoise(error: ErrorObject): boolean {
  if (error.keyword === 'if') return true;
  return error.keyword === 'const' && /\/oneOf\/\d+\/const$/.test(error.schemaPath);
}

export function translateError(form: FormDefinition, error: ErrorObject, lang: Lang): DeclarationError {
  const path = errorPath(error);
  const field = fieldLabel(form, path, lang);
  return { path, field, message: wordError(lang, error, field), keyword: error.keyword };
}

export function validateDeclaration(
  form: FormDefinition,
  data: unknown,
  options: { lang: Lang } = { lang: 'vi' },
): DeclarationResult {
  const validate = validatorFor(form);
  if (validate(data)) return { valid: true, errors: [] };
  const seen = new Set<string>();
  const errors: DeclarationError[] = [];
  for (const error of validate.errors ?? []) {
    if (isNoise(error)) continue;
    const translated = translateError(form, error, options.lang);
    // One message per field: the first failure is the one the citizen must fix first.
    if (seen.has(translated.path)) continue;
    seen.add(translated.path);
    errors.push(translated);
  }
  return { valid: false, errors };
}
