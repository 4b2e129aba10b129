// Rate limits of the unauthenticated doors: failed logins per address and account, and public status lookups.
import rateLimit, { ipKeyGenerator } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { ApiError } from '../errors/api-error';

const tooMany: RequestHandler = (_req, _res, next) => next(new ApiError(429, 'too_many_requests'));

export function loginRateLimit(maxFailures: number): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60_000,
    limit: maxFailures,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const username =
        typeof req.body?.username === 'string' ? req.body.username.toLowerCase().slice(0, 40) : '';
      return `${ipKeyGenerator(req.ip ?? '')}|${username}`;
    },
    handler: (req, res, next) => tooMany(req, res, next),
  });
}

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
