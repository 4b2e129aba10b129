// The development mail catcher's listing (admins only; 404 unless `npm start` runs the catcher).
import { okResponse, strictObject, type RouteSpec } from './common';

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
      200: okResponse('The newest caught e-mails', {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'from', 'to', 'subject', 'text', 'receivedAt'],
              properties: {
                id: { type: 'string' },
                messageId: { type: 'string' },
                from: { type: 'string' },
                to: { type: 'array', items: { type: 'string' } },
                subject: { type: 'string' },
                text: { type: 'string' },
                receivedAt: { type: 'string', format: 'date-time' },
              },
            },
          },
        },
      }),
      404: okResponse('The mail catcher is not running'),
    },
  },
} satisfies Record<string, RouteSpec>;
