// Loads a designed form's validators from the server (form-module.ts) in the browser and registers them, so
// createFormsAjv() answers compile() for that form without eval. Only the runtime modules below can be required
// by the generated code.
import * as ajvFormats from 'ajv-formats/dist/formats';
import * as equal from 'ajv/dist/runtime/equal';
import * as ucs2length from 'ajv/dist/runtime/ucs2length';
import * as uri from 'ajv/dist/runtime/uri';
import * as validationError from 'ajv/dist/runtime/validation_error';
import type { ValidateFunction } from 'ajv';
import { RUNTIME_MODULE } from './ajv';
import * as keywordRuntime from './keyword-runtime';
import { registerValidators } from './precompiled';

const runtimeModules: Record<string, unknown> = {
  [RUNTIME_MODULE]: keywordRuntime,
  'ajv-formats/dist/formats': ajvFormats,
  'ajv/dist/runtime/equal': equal,
  'ajv/dist/runtime/ucs2length': ucs2length,
  'ajv/dist/runtime/uri': uri,
  'ajv/dist/runtime/validation_error': validationError,
};

function requireRuntime(specifier: string): unknown {
  const found = runtimeModules[specifier];
  if (!found) throw new Error(`validator module requires ${specifier}, which the browser does not provide`);
  return found;
}

/** Imports the module at `url` (same origin) and registers its validators. */
export async function loadValidatorModule(url: string): Promise<void> {
  const module = (await import(/* @vite-ignore */ url)) as {
    default: (require: (specifier: string) => unknown) => Record<string, ValidateFunction>;
  };
  registerValidators(module.default(requireRuntime));
}
