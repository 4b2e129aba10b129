// Validates a request's path parameters, query and body against its operation's JSON Schemas (ajv; the answers
// too, for the response check) and turns ajv's errors into field errors with dotted paths (`applicant.idNumber`, `documents[0].component`).
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  DISPLAY_TEXT_KEYWORD,
  displayTextKeyword,
  displayTextMessages,
  type DisplayTextProblem,
} from './display-text';
import { addCustomFormats } from './formats';
import type { JsonSchema } from './common';
import type { FieldError } from '../errors/api-error';

function newAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, coerceTypes: coerce, useDefaults: coerce });
  addFormats(ajv);
  ajv.addKeyword(displayTextKeyword);
  return addCustomFormats(ajv);
}

// Bodies are JSON and must carry the right types; query and path values are strings and are coerced.
const bodyAjv = newAjv(false);
const stringAjv = newAjv(true);
// The server's own answers (server/http/response-check.ts): the same formats, never coerced, on copies.
const responseAjv = newAjv(false);

export const compileBody = (schema: JsonSchema): ValidateFunction => bodyAjv.compile(schema);
export const compileStrings = (schema: JsonSchema): ValidateFunction => stringAjv.compile(schema);
export const compileResponse = (schema: JsonSchema): ValidateFunction => responseAjv.compile(schema);

function dotted(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, segment) =>
        /^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment,
      '',
    );
}

const join = (base: string, name: string) => (base ? `${base}.${name}` : name);

function toFieldError(error: ErrorObject): FieldError {
  const path = dotted(error.instancePath);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: join(path, String(p.missingProperty)), key: 'field_required' };
    case 'additionalProperties':
      return { path: join(path, String(p.additionalProperty)), key: 'field_unknown' };
    case 'type':
      return { path, key: 'field_type', params: { type: String(p.type) } };
    case 'pattern':
      return { path, key: 'field_pattern' };
    case 'format':
      return { path, key: 'field_format', params: { format: String(p.format) } };
    case 'minLength':
      return { path, key: 'field_min_length', params: { limit: Number(p.limit) } };
    case 'maxLength':
      return { path, key: 'field_max_length', params: { limit: Number(p.limit) } };
    case 'minimum':
    case 'exclusiveMinimum':
      return { path, key: 'field_minimum', params: { limit: Number(p.limit) } };
    case 'maximum':
    case 'exclusiveMaximum':
      return { path, key: 'field_maximum', params: { limit: Number(p.limit) } };
    case 'enum':
      return { path, key: 'field_enum', params: { values: (p.allowedValues as unknown[]).join(', ') } };
    case 'minItems':
    case 'minProperties':
      return { path, key: 'field_min_items', params: { limit: Number(p.limit) } };
    case 'maxItems':
    case 'maxProperties':
      return { path, key: 'field_max_items', params: { limit: Number(p.limit) } };
    case 'uniqueItems':
      return { path, key: 'field_unique_items' };
    case DISPLAY_TEXT_KEYWORD:
      return { path, key: displayTextMessages[p.problem as DisplayTextProblem] ?? 'field_invalid' };
    default:
      return { path, key: 'field_invalid' };
  }
}

export function fieldErrors(errors: ErrorObject[] | null | undefined, prefix = ''): FieldError[] {
  const seen = new Set<string>();
  return (errors ?? [])
    .map(toFieldError)
    .map((field) => (prefix ? { ...field, path: join(prefix, field.path) } : field))
    .filter((field) => {
      const key = `${field.path}|${field.key}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
