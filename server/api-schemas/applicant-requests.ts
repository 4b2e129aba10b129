// What the applicant asks of a dossier after filing: withdrawal (through the counter or their own account) and
// the satisfaction rating once the result is delivered (with the code and secret on the receipt, no sign-in).
import type { FromSchema } from 'json-schema-to-ts';
import { okResponse, strictObject, text, type JsonSchema, type RouteSpec } from './common';
import { dossierCode } from './responses/building-blocks';

const withdrawAnswer = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'requested'],
  properties: { code: dossierCode, requested: { const: true } },
} as const satisfies JsonSchema;

const ratingAnswer = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'rating'],
  properties: {
    code: dossierCode,
    rating: {
      type: 'object',
      additionalProperties: false,
      required: ['score'],
      properties: { score: { type: 'integer', minimum: 1, maximum: 5 } },
    },
  },
} as const satisfies JsonSchema;

export const applicantRequestRoutes = {
  withdraw: {
    operationId: 'withdrawDossier',
    method: 'post',
    path: '/api/dossiers/:code/withdraw',
    summary: "The applicant's withdrawal request (status 7 once the process accepts it)",
    tag: 'dossiers',
    access: ['officer', 'citizen'],
    params: strictObject({ code: { type: 'string', format: 'dossier-code' } }, ['code']),
    body: strictObject({ reason: text(2000) }, ['reason']),
    responses: {
      202: okResponse('Withdrawal requested; the process decides', withdrawAnswer),
      404: okResponse('No such dossier in your scope'),
      409: okResponse('Processing has ended'),
    },
  },
  rate: {
    operationId: 'rateDossier',
    method: 'post',
    path: '/api/public/dossier-rating',
    summary: 'Satisfaction rating, once per dossier, after the result is delivered (code + receipt secret)',
    tag: 'public',
    access: 'public',
    body: strictObject(
      {
        code: { type: 'string', format: 'dossier-code' },
        secret: { type: 'string', minLength: 6, maxLength: 20 },
        score: { type: 'integer', minimum: 1, maximum: 5 },
        comment: text(1000),
      },
      ['code', 'secret', 'score'],
    ),
    responses: {
      200: okResponse('Rating recorded', ratingAnswer),
      404: okResponse('Wrong code or secret'),
      409: okResponse('Not delivered yet, or already rated'),
    },
  },
} satisfies Record<string, RouteSpec>;

export type WithdrawBody = FromSchema<typeof applicantRequestRoutes.withdraw.body>;
export type RatingBody = FromSchema<typeof applicantRequestRoutes.rate.body>;
export type WithdrawAnswer = FromSchema<typeof withdrawAnswer>;
export type RatingAnswer = FromSchema<typeof ratingAnswer>;
