// Sign-in, sign-out and the current session.
import type { FromSchema } from 'json-schema-to-ts';
import { okResponse, secret, strictObject, text, type JsonSchema, type RouteSpec } from './common';

const sessionSchema: JsonSchema = {
  type: 'object',
  required: ['user', 'csrfToken'],
  properties: {
    user: {
      type: 'object',
      properties: {
        username: { type: 'string' },
        displayName: { type: 'string' },
        roles: { type: 'array', items: { type: 'string' } },
        groups: { type: 'array', items: { type: 'string' } },
        agency: {
          type: ['object', 'null'],
          properties: { code: { type: 'string' }, name: { type: 'string' } },
        },
      },
    },
    csrfToken: {
      type: 'string',
      description: 'Send back as the X-CSRF-Token header on every POST/PUT/PATCH/DELETE',
    },
  },
};

export const authRoutes = {
  login: {
    operationId: 'login',
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in; sets the httpOnly session cookie and returns the CSRF token',
    tag: 'auth',
    access: 'public',
    body: strictObject({ username: text(40), password: secret(200) }, ['username', 'password']),
    responses: {
      200: okResponse('Signed in', sessionSchema),
      401: okResponse('Wrong username or password'),
      403: okResponse('Account disabled'),
      429: okResponse(
        'Too many failed sign-ins on this account or from this address; Retry-After gives the seconds to wait',
      ),
    },
  },
  logout: {
    operationId: 'logout',
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out: ends the session',
    tag: 'auth',
    access: 'signed-in',
    body: strictObject({}),
    responses: { 204: okResponse('Signed out') },
  },
  session: {
    operationId: 'getSession',
    method: 'get',
    path: '/api/auth/session',
    summary: 'The signed-in user and the CSRF token of the session',
    tag: 'auth',
    access: 'signed-in',
    responses: { 200: okResponse('Current session', sessionSchema), 401: okResponse('Not signed in') },
  },
} satisfies Record<string, RouteSpec>;

export type LoginBody = FromSchema<typeof authRoutes.login.body>;
