// Validators generated ahead of time (compiled/validators.js), so pages whose Content-Security-Policy has no
// 'unsafe-eval' can validate: ajv.compile builds functions from strings, which such a CSP forbids.
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { validatorsBySchemaKey } from './compiled/validators.js';
import { createMotcuaAjv } from './ajv';
import { schemaKey } from './schema-key';

const keys = new WeakMap<object, string>();

export function precompiledValidator(schema: unknown): ValidateFunction | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  let key = keys.get(schema);
  if (key === undefined) {
    key = schemaKey(schema);
    keys.set(schema, key);
  }
  return validatorsBySchemaKey[key] ?? registered.get(key);
}

/** Validators of designed forms, generated on the server and loaded at run time (validator-modules.ts). */
const registered = new Map<string, ValidateFunction>();

export function registerValidators(bySchemaKey: Record<string, ValidateFunction>): void {
  for (const [key, validate] of Object.entries(bySchemaKey)) registered.set(key, validate);
}

/**
 * The ajv to hand to <JsonForms ajv={…}>: compile() and validate() (rule conditions) answer from the
 * precompiled validators and compile at run time only for schemas that were not precompiled.
 * `runtimeCompiled` lists those, so a page or a test can tell that it depended on eval.
 */
export function createFormsAjv(): Ajv & { runtimeCompiled: unknown[] } {
  const ajv = createMotcuaAjv({ validateSchema: false });
  const runtimeCompiled: unknown[] = [];
  const compile = ajv.compile.bind(ajv);
  const validate = ajv.validate.bind(ajv);
  const patched = Object.assign(ajv, {
    runtimeCompiled,
    compile: ((schema: object, meta?: boolean) => {
      const found = precompiledValidator(schema);
      if (found) return found;
      runtimeCompiled.push(schema);
      return compile(schema, meta);
    }) as Ajv['compile'],
    validate: ((schemaOrRef: object | string, data: unknown) => {
      const found = precompiledValidator(schemaOrRef);
      // ajv's own validate() goes through the patched compile(), which records the miss.
      if (!found) return validate(schemaOrRef, data);
      const valid = found(data) as boolean;
      ajv.errors = found.errors ?? null;
      return valid;
    }) as Ajv['validate'],
  });
  return patched;
}
