// Builds the express application: security headers, bounded JSON bodies, sessions, the API router (every
// operation from api-schemas), the web app with an SPA fallback, and the one error format.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { errorHandler, routeNotFound } from './errors/error-handler';
import { languageOf } from './errors/messages';
import type { AppDeps } from './http/app-deps';
import { enableResponseCheck } from './http/response-check';
import { mountAgencyRoutes } from './routes/agency-routes';
import { mountApplicantRequestRoutes } from './routes/applicant-request-routes';
import { mountAuditRoutes } from './routes/audit-routes';
import { mountAuthRoutes } from './routes/auth-routes';
import { mountDocumentRoutes } from './routes/document-routes';
import { mountDesignerRoutes } from './routes/designer-routes';
import { mountDevMailPage, mountDevMailRoutes } from './routes/dev-mail-routes';
import { mountDossierRoutes } from './routes/dossier-routes';
import { mountHolidayRoutes } from './routes/holiday-routes';
import { mountProcedureRoutes } from './routes/procedure-routes';
import { mountResultDocumentRoutes } from './routes/result-document-routes';
import { mountSlipRoutes } from './routes/slip-routes';
import { mountStatisticsRoutes } from './routes/statistics-routes';
import { mountSystemRoutes } from './routes/system-routes';
import { mountTaskRoutes } from './routes/task-routes';
import { mountUserRoutes } from './routes/user-routes';

export const bodyLimit = '256kb';

export function buildApiRouter(deps: AppDeps): express.Router {
  const router = express.Router();
  mountSystemRoutes(router, deps);
  mountAuthRoutes(router, deps);
  mountAgencyRoutes(router);
  mountUserRoutes(router, deps);
  mountProcedureRoutes(router);
  mountDossierRoutes(router, deps);
  mountHolidayRoutes(router);
  mountAuditRoutes(router);
  mountDesignerRoutes(router, deps);
  mountTaskRoutes(router, deps);
  mountApplicantRequestRoutes(router, deps);
  mountStatisticsRoutes(router);
  mountSlipRoutes(router);
  mountDocumentRoutes(router);
  mountResultDocumentRoutes(router);
  mountDevMailRoutes(router, deps);
  return router;
}

function requestContext(deps: AppDeps): RequestHandler {
  return (req, res, next) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.locals.ctx = {
      requestId,
      lang: languageOf(req.get('accept-language')),
      ...(req.ip ? { ip: req.ip } : {}),
      ...(req.get('user-agent') ? { userAgent: req.get('user-agent')!.slice(0, 300) } : {}),
    };
    res.setHeader('X-Request-Id', requestId);
    if (deps.logger.enabled('debug')) {
      const started = process.hrtime.bigint();
      res.on('finish', () =>
        deps.logger.debug('request', {
          requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        }),
      );
    }
    next();
  };
}

function resumeSession(deps: AppDeps): RequestHandler {
  return async (req, res, next) => {
    try {
      const auth = await deps.sessions.resume(req);
      if (auth) res.locals.ctx.auth = auth;
      next();
    } catch (error) {
      next(error);
    }
  };
}

function webApp(dir: string): RequestHandler[] {
  const index = path.join(dir, 'index.html');
  return [
    express.static(dir, { index: false, maxAge: '1h' }),
    (req, res, next) => {
      if (req.method !== 'GET' || !req.accepts('html') || !existsSync(index)) return next();
      res.sendFile(index);
    },
  ];
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // API answers are Cache-Control: no-store, so hashing every body for an ETag is work nobody reads.
  app.disable('etag');
  app.set('trust proxy', deps.config.trustProxy);
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Served over plain HTTP on one machine; behind a TLS proxy HSTS does the upgrading.
          upgradeInsecureRequests: null,
          // Scans, slips and diagrams are shown from blob: and data: URLs.
          imgSrc: ["'self'", 'data:', 'blob:'],
          frameSrc: ["'self'", 'blob:'],
          workerSrc: ["'self'", 'blob:'],
          // No 'unsafe-eval': JSON Forms validates with ajv validators generated ahead of time (shipped forms,
          // forms/validation/compiled) or by the server (designed forms, forms/validation/form-module.ts), never
          // compiled in the page.
          scriptSrc: ["'self'"],
        },
      },
    }),
  );
  app.use(requestContext(deps));
  app.use(cookieParser(deps.config.sessionSecret));
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', express.json({ limit: bodyLimit, strict: true }));
  app.use('/api', resumeSession(deps));
  if (deps.config.responseCheck !== 'off') {
    app.use('/api', enableResponseCheck({ mode: deps.config.responseCheck, logger: deps.logger }));
  }
  app.use(buildApiRouter(deps));
  app.use('/api', routeNotFound);
  mountDevMailPage(app, deps);
  if (deps.webAppDir) app.use(webApp(deps.webAppDir));
  app.use(routeNotFound);
  app.use(errorHandler(deps.logger));
  return app;
}
