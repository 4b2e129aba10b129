// Sign-in, sign-out and the current session.
import type { FromSchema } from 'json-schema-to-ts';
import { ROLES } from '../../processes/roles';
import { plainString, stringList } from './answer-pieces';
import { agencyRef } from './responses/building-blocks';
import { okResponse, secret, strictObject, text, type RouteSpec } from './common';

/** The signed-in user as the screens show them: name, roles, groups and agency (null for platform accounts). */
const sessionUserAnswer = strictObject(
  {
    username: plainString,
    displayName: plainString,
    roles: { type: 'array', items: { enum: [...ROLES] } },
    groups: stringList,
    agency: { anyOf: [agencyRef, { type: 'null' }] },
  },
  ['username', 'displayName', 'roles', 'groups', 'agency'],
);

const sessionAnswer = strictObject(
  {
    user: sessionUserAnswer,
    csrfToken: {
      type: 'string',
      minLength: 1,
      description: 'Send back as the X-CSRF-Token header on every POST/PUT/PATCH/DELETE',
    },
  },
  ['user', 'csrfToken'],
);

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
      200: okResponse('Signed in', sessionAnswer),
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
    responses: { 200: okResponse('Current session', sessionAnswer), 401: okResponse('Not signed in') },
  },
} satisfies Record<string, RouteSpec>;

export type LoginBody = FromSchema<typeof authRoutes.login.body>;
export type SessionUserAnswer = FromSchema<typeof sessionUserAnswer>;
export type SessionAnswer = FromSchema<typeof sessionAnswer>;
