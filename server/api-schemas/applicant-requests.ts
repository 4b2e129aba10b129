// What the applicant asks of a dossier after filing: withdrawal (through the counter or their own account) and
// the satisfaction rating once the result is delivered (with the code and secret on the receipt, no sign-in).
import type { FromSchema } from 'json-schema-to-ts';
import { okResponse, strictObject, text, type RouteSpec } from './common';

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
      202: okResponse('Withdrawal requested'),
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
      200: okResponse('Rating recorded'),
      404: okResponse('Wrong code or secret'),
      409: okResponse('Not delivered yet, or already rated'),
    },
  },
} satisfies Record<string, RouteSpec>;

export type WithdrawBody = FromSchema<typeof applicantRequestRoutes.withdraw.body>;
export type RatingBody = FromSchema<typeof applicantRequestRoutes.rate.body>;
