// Express error middleware: every failure leaves as `{ error: { code, message, fields } }` in the caller's
// language, with no stack trace; unexpected errors are logged with the request id.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { EngineError } from '../engine/engine-errors';
import type { Logger } from '../config/logger';
import { isStoreUnavailable } from '../models/store-faults';
import { ApiError, type FieldError } from './api-error';
import { languageOf, translate, type Lang } from './messages';

export function renderError(error: ApiError, lang: Lang) {
  return {
    error: {
      code: error.code,
      message: translate(error.code, error.params, lang),
      fields: error.fields.map((field: FieldError) => ({
        path: field.path,
        message: field.text
          ? field.text[lang]
          : translate(field.key ?? 'field_invalid', field.params ?? {}, lang),
      })),
    },
  };
}

function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof EngineError) {
    return error.kind === 'unavailable'
      ? new ApiError(503, 'engine_unavailable')
      : new ApiError(502, 'engine_rejected', { detail: error.message });
  }
  const bodyError = error as { type?: string; status?: number; limit?: number; code?: unknown };
  if (bodyError.type === 'entity.parse.failed') {
    return new ApiError(400, 'malformed_json', {}, [{ path: '', key: 'malformed_json' }]);
  }
  // The body reader inflates gzip/deflate bodies; zlib's error (Z_DATA_ERROR, Z_BUF_ERROR) comes through it as a 400.
  if (bodyError.status === 400 && typeof bodyError.code === 'string' && bodyError.code.startsWith('Z_')) {
    return new ApiError(400, 'malformed_encoding', {}, [{ path: '', key: 'malformed_encoding' }]);
  }
  if (bodyError.type === 'entity.too.large') {
    return new ApiError(413, 'payload_too_large', {
      limit: `${Math.round((bodyError.limit ?? 0) / 1024)} KiB`,
    });
  }
  if (bodyError.type === 'encoding.unsupported' || bodyError.type === 'charset.unsupported') {
    return new ApiError(415, 'unsupported_media_type');
  }
  if (isStoreUnavailable(error)) return new ApiError(503, 'store_unavailable');
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const known = toApiError(error);
    if (!known || known.status >= 500) {
      logger.error('request failed', {
        requestId: res.locals.requestId,
        method: req.method,
        path: req.path,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
    const apiError = known ?? new ApiError(500, 'internal');
    if (res.headersSent) return;
    res.status(apiError.status).json(renderError(apiError, languageOf(req.get('accept-language'))));
  };
}

export const routeNotFound: RequestHandler = (_req, _res, next) =>
  next(new ApiError(404, 'not_found', { what: 'route' }));
