// The one error type routes and services throw; the error handler turns it into
// `{ error: { code, message, fields: [{ path, message }] } }` in the caller's language.
import type { MessageKey, MessageParams } from './messages';

export interface FieldError {
  path: string;
  /** Either a catalogue key with params (translated at the edge) or an already-translated pair. */
  key?: MessageKey;
  params?: MessageParams;
  text?: { vi: string; en: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly params: MessageParams = {},
    readonly fields: FieldError[] = [],
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

export const badRequest = (fields: FieldError[]) => new ApiError(400, 'validation_failed', {}, fields);
export const unauthenticated = () => new ApiError(401, 'unauthenticated');
export const forbidden = () => new ApiError(403, 'forbidden');
export const notFound = (what: MessageParams['what'] = 'resource') =>
  new ApiError(404, 'not_found', { what });
export const conflict = (code: MessageKey, params: MessageParams = {}) => new ApiError(409, code, params);
