// The development mail catcher's listing (admins only; 404 unless `npm start` runs the catcher).
import type { FromSchema } from 'json-schema-to-ts';
import { arrayOf, plainString, stringList } from './answer-pieces';
import { dateTime, objectId } from './responses/building-blocks';
import { okResponse, strictObject, type RouteSpec } from './common';

const caughtMailAnswer = strictObject(
  {
    id: objectId,
    messageId: plainString,
    from: plainString,
    to: stringList,
    subject: plainString,
    text: plainString,
    receivedAt: dateTime,
  },
  ['id', 'from', 'to', 'subject', 'text', 'receivedAt'],
);
const caughtMailListAnswer = strictObject({ items: arrayOf(caughtMailAnswer) }, ['items']);

export const devMailRoutes = {
  list: {
    operationId: 'listCaughtMail',
    method: 'get',
    path: '/api/dev/mail',
    summary: 'E-mails the development mail catcher received, newest first (404 when it is not running)',
    tag: 'system',
    access: ['admin'],
    query: strictObject({ limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } }),
    responses: {
      200: okResponse('The newest caught e-mails', caughtMailListAnswer),
      404: okResponse('The mail catcher is not running'),
    },
  },
} satisfies Record<string, RouteSpec>;

export type CaughtMailQuery = FromSchema<typeof devMailRoutes.list.query>;
export type CaughtMailAnswer = FromSchema<typeof caughtMailAnswer>;
export type CaughtMailListAnswer = FromSchema<typeof caughtMailListAnswer>;
