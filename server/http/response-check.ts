// Checks every JSON answer of an operation against the response schema of its status (errors against the one error
// schema): a mismatch is a server defect, logged with the operationId, the status and ajv's errors, and with
// RESPONSE_CHECK=reject answered 500 `response_schema_mismatch` instead, so the test that hit it fails.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { RequestHandler } from 'express';
import { errorResponseSchema, type JsonSchema, type RouteSpec } from '../api-schemas/common';
import { compileResponse } from '../api-schemas/request-validation';
import type { Logger } from '../config/logger';
import type { ResponseCheck } from '../config/load-config';
import { renderError } from '../errors/error-handler';
import { ApiError } from '../errors/api-error';
import { languageOf } from '../errors/messages';

export interface ResponseChecker {
  mode: Exclude<ResponseCheck, 'off'>;
  logger: Logger;
}

export interface ResponseProblem {
  reason: string;
  errors?: { instancePath: string; keyword: string; message?: string; params: unknown }[];
}

const compiled = new WeakMap<JsonSchema, ValidateFunction>();

function validatorOf(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = compileResponse(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

const summary = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map(({ instancePath, keyword, message, params }) => ({
    instancePath,
    keyword,
    ...(message ? { message } : {}),
    params,
  }));

/** What is wrong with a JSON body answered with this status, or undefined when it matches (or is not checked). */
export function responseProblem(spec: RouteSpec, status: number, body: unknown): ResponseProblem | undefined {
  let schema: JsonSchema | undefined;
  // A failure answers the one error shape, unless its operation declares its own (health's 503).
  if (status >= 400) schema = spec.responses[status]?.schema ?? errorResponseSchema;
  else {
    const declared = spec.responses[status];
    if (!declared) {
      // An operation whose answers have schemas must declare each status it answers; one without any is not
      // checked yet.
      const described = Object.entries(spec.responses).some(
        ([code, response]) => Number(code) < 400 && (response.schema || response.contentTypes),
      );
      return described ? { reason: `status ${status} is not declared` } : undefined;
    }
    if (declared.contentTypes)
      return { reason: `declared as ${declared.contentTypes.join(', ')}, answered JSON` };
    schema = declared.schema;
  }
  if (!schema) return undefined;
  // The checked value is what the client receives: dates as strings, no undefined fields, toJSON applied.
  const sent: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
  const validate = validatorOf(schema);
  return validate(sent) ? undefined : { reason: 'schema mismatch', errors: summary(validate.errors) };
}

/** Installed ahead of the API router when RESPONSE_CHECK is log or reject. */
export function enableResponseCheck(checker: ResponseChecker): RequestHandler {
  return (_req, res, next) => {
    res.locals.responseCheck = checker;
    next();
  };
}

/** The first handler of every mounted operation: wraps `res.json` while the check is enabled. */
export function checkResponses(spec: RouteSpec): RequestHandler {
  return (req, res, next) => {
    const checker = res.locals.responseCheck;
    if (!checker) return next();
    const json = res.json.bind(res);
    res.json = (body?: unknown) => {
      const problem = responseProblem(spec, res.statusCode, body);
      if (!problem) return json(body);
      checker.logger.error('answer does not match its response schema', {
        requestId: res.locals.requestId,
        operationId: spec.operationId,
        status: res.statusCode,
        ...problem,
      });
      if (checker.mode === 'log') return json(body);
      const error = new ApiError(500, 'response_schema_mismatch', { operation: spec.operationId });
      res.status(500);
      return json(renderError(error, languageOf(req.get('accept-language'))));
    };
    next();
  };
}
