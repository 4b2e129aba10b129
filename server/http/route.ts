// Mounts one operation of the API: the response check (when enabled), access check, CSRF check for signed-in
// writes, schema validation of params, query and body, then the handler. Every route of the API goes through
// here, so the router and the OpenAPI document describe the same operations.
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { RouteSpec } from '../api-schemas/common';
import { ApiError, badRequest, forbidden, unauthenticated } from '../errors/api-error';
import { tokensEqual } from '../auth/sessions';
import { compileBody, compileStrings, fieldErrors } from '../api-schemas/request-validation';
import { checkResponses } from './response-check';

export type Handler = (req: Request, res: Response, next: NextFunction) => unknown;

const unsafeMethods = new Set(['post', 'put', 'patch', 'delete']);

function accessCheck(spec: RouteSpec): RequestHandler {
  return (_req, res, next) => {
    if (spec.access === 'public') return next();
    const auth = res.locals.ctx.auth;
    if (!auth) return next(unauthenticated());
    if (spec.access !== 'signed-in' && !auth.user.roles.some((role) => spec.access.includes(role))) {
      return next(forbidden());
    }
    next();
  };
}

/** Signed-in writes must echo the session's CSRF token; SameSite=Strict cookies are the first line, this the second. */
const csrfCheck: RequestHandler = (req, res, next) => {
  const auth = res.locals.ctx.auth;
  if (!auth) return next();
  const sent = req.get('x-csrf-token');
  if (!sent || !tokensEqual(sent, auth.csrfToken)) return next(new ApiError(403, 'csrf_invalid'));
  next();
};

function validation(spec: RouteSpec): RequestHandler {
  const params = spec.params ? compileStrings(spec.params) : undefined;
  const query = compileStrings(spec.query ?? { type: 'object', additionalProperties: false });
  const body = spec.body ? compileBody(spec.body) : undefined;
  return (req, res, next) => {
    const errors = [];
    const paramValues = { ...req.params };
    if (params && !params(paramValues)) errors.push(...fieldErrors(params.errors));
    const queryValues = { ...(req.query as Record<string, unknown>) };
    if (!query(queryValues)) errors.push(...fieldErrors(query.errors));
    if (body) {
      if (req.body === undefined && Number(req.get('content-length') ?? 0) > 0) {
        return next(new ApiError(415, 'unsupported_media_type'));
      }
      if (req.body === undefined) req.body = {};
      if (!body(req.body)) errors.push(...fieldErrors(body.errors));
    }
    if (errors.length) return next(badRequest(errors));
    res.locals.params = paramValues;
    res.locals.query = queryValues;
    next();
  };
}

/** `before` runs ahead of everything else, e.g. a rate limiter that must count refused attempts too. */
export function mountRoute(
  router: Router,
  spec: RouteSpec,
  handler: Handler,
  before: RequestHandler[] = [],
): void {
  // The response check comes first, so the answers of the limiter and of refused requests are checked too.
  const chain: RequestHandler[] = [checkResponses(spec), ...before, accessCheck(spec)];
  // Public operations (login, the citizen's lookup) act on no session, so they need no CSRF token.
  if (unsafeMethods.has(spec.method) && spec.access !== 'public') chain.push(csrfCheck);
  chain.push(validation(spec));
  router[spec.method](spec.path, ...chain, handler as RequestHandler);
}
