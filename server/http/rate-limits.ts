// Rate limit of the public status lookup, per address (failed logins are throttled in the store instead:
// server/auth/login-throttle.ts).
import rateLimit, { ipKeyGenerator } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { ApiError } from '../errors/api-error';

const tooMany: RequestHandler = (_req, _res, next) => next(new ApiError(429, 'too_many_requests'));

export function publicLookupRateLimit(): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: 30,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: (req, res, next) => tooMany(req, res, next),
  });
}
