// Building blocks shared by the API's request and response schemas.
import type { SchemaObject } from 'ajv';
import type { Role } from '../../processes/roles';
import { DISPLAY_TEXT_KEYWORD } from './display-text';

export type JsonSchema = SchemaObject;
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call an operation: anyone, any signed-in user, or signed-in users holding one of the roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface RouteSpec {
  operationId: string;
  method: HttpMethod;
  /** Express path, e.g. `/api/dossiers/:code`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: JsonSchema;
  query?: JsonSchema;
  body?: JsonSchema;
  responses: Record<number, ResponseSpec>;
}

/**
 * One status of an operation: a JSON answer has its `schema` (the response check validates every answer against it),
 * a binary one (PDF, a stored file) its `contentTypes` instead. Errors (4xx/5xx) are always `errorResponseSchema`.
 */
export interface ResponseSpec {
  description: string;
  schema?: JsonSchema;
  contentTypes?: readonly string[];
}

/** Every error answer (server/errors/error-handler.ts renderError). */
export const errorResponseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'message', 'fields'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
} as const satisfies JsonSchema;

/** A free text a person reads (reason, note, comment): NFC, no control or direction characters, visible. */
export const text = (maxLength: number, minLength = 1) =>
  ({ type: 'string', minLength, maxLength, [DISPLAY_TEXT_KEYWORD]: 'text' }) as const;

/** A name (of a person, agency, holiday, fee, document): as text, one line, with at least one letter. */
export const displayName = (maxLength: number, minLength = 1) =>
  ({ type: 'string', minLength, maxLength, [DISPLAY_TEXT_KEYWORD]: 'name' }) as const;

/** A password: any characters, kept exactly as typed. */
export const secret = (maxLength: number, minLength = 1) =>
  ({ type: 'string', minLength, maxLength }) as const;

/**
 * An object whose unknown fields are an error. Generic so that the literal shape survives for `FromSchema`: the
 * request types are derived from these schemas, never written again beside them.
 */
export function strictObject<
  const P extends Readonly<Record<string, JsonSchema>>,
  const R extends readonly (keyof P & string)[] = [],
>(properties: P, required?: R) {
  return {
    type: 'object',
    additionalProperties: false,
    properties,
    ...(required?.length ? { required } : {}),
  } as {
    readonly type: 'object';
    readonly additionalProperties: false;
    readonly properties: P;
  } & (R extends readonly [] ? unknown : { readonly required: R });
}

export const pageQuery = {
  page: { type: 'integer', minimum: 1, maximum: 1000, default: 1 },
  pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
} as const satisfies Record<string, JsonSchema>;

export const okResponse = (description: string, schema?: JsonSchema): ResponseSpec => ({
  description,
  ...(schema ? { schema } : {}),
});

/** A binary answer (a PDF slip, a stored file): the content types it comes as, no JSON schema. */
export const fileResponse = (description: string, ...contentTypes: [string, ...string[]]): ResponseSpec => ({
  description,
  contentTypes,
});
