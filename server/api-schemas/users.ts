// User administration (admins only).
import type { FromSchema } from 'json-schema-to-ts';
import { ROLES } from '../../processes/roles';
import {
  displayName,
  okResponse,
  pageQuery,
  secret,
  strictObject,
  type JsonSchema,
  type RouteSpec,
} from './common';
import { plainString, stringList } from './answer-pieces';
import { agencyCode, dateTime, pageOf } from './responses/building-blocks';

const fields = {
  displayName: displayName(120),
  email: { type: 'string', format: 'email', maxLength: 200 },
  roles: { type: 'array', minItems: 1, maxItems: 5, uniqueItems: true, items: { enum: [...ROLES] } },
  agencyCode: { type: 'string', format: 'agency-code' },
  groups: {
    type: 'array',
    maxItems: 10,
    uniqueItems: true,
    items: { type: 'string', pattern: '^[a-z0-9-]{2,40}$' },
  },
  password: secret(200, 10),
} as const satisfies Record<string, JsonSchema>;
const usernameParam = strictObject({ username: { type: 'string', pattern: '^[a-z0-9._-]{3,40}$' } }, [
  'username',
]);

/** An account as admins see it: never the password hash. */
const userAnswer = strictObject(
  {
    username: plainString,
    displayName: plainString,
    email: plainString,
    roles: { type: 'array', items: { enum: [...ROLES] } },
    groups: stringList,
    agencyCode: { anyOf: [agencyCode, { type: 'null' }] },
    disabled: { type: 'boolean' },
    createdAt: dateTime,
  },
  ['username', 'displayName', 'roles', 'groups', 'agencyCode', 'disabled', 'createdAt'],
);
const userPageAnswer = pageOf(userAnswer);

export const userRoutes = {
  list: {
    operationId: 'listUsers',
    method: 'get',
    path: '/api/users',
    summary: 'Users, optionally of one agency',
    tag: 'users',
    access: ['admin'],
    query: strictObject({ ...pageQuery, agencyCode: { type: 'string', format: 'agency-code' } }),
    responses: { 200: okResponse('One page of users (no password hashes)', userPageAnswer) },
  },
  create: {
    operationId: 'createUser',
    method: 'post',
    path: '/api/users',
    summary: 'Create a user',
    tag: 'users',
    access: ['admin'],
    body: strictObject({ username: { type: 'string', pattern: '^[a-z0-9._-]{3,40}$' }, ...fields }, [
      'username',
      'displayName',
      'roles',
      'password',
    ]),
    responses: { 201: okResponse('The new account', userAnswer), 409: okResponse('The username exists') },
  },
  update: {
    operationId: 'updateUser',
    method: 'patch',
    path: '/api/users/:username',
    summary: 'Change a user: roles, agency, groups, password, disabled (ends their sessions)',
    tag: 'users',
    access: ['admin'],
    params: usernameParam,
    body: { ...strictObject({ ...fields, disabled: { type: 'boolean' } }), minProperties: 1 },
    responses: {
      200: okResponse('The changed account', userAnswer),
      404: okResponse('No such user'),
      409: okResponse('The change would demote or disable the last active administrator'),
    },
  },
} satisfies Record<string, RouteSpec>;

export type CreateUserBody = FromSchema<typeof userRoutes.create.body>;
export type UpdateUserBody = FromSchema<typeof userRoutes.update.body>;
export type ListUsersQuery = FromSchema<typeof userRoutes.list.query>;
export type UserAnswer = FromSchema<typeof userAnswer>;
export type UserPageAnswer = FromSchema<typeof userPageAnswer>;
