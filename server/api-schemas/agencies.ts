// The organisation tree, readable by anyone (online filers choose a receiving agency from it).
import type { FromSchema } from 'json-schema-to-ts';
import { AGENCY_KINDS, AGENCY_LEVELS } from '../../processes/procedure-vocabulary';
import { arrayOf, plainString } from './answer-pieces';
import { agencyCode, dateTime } from './responses/building-blocks';
import { okResponse, strictObject, type RouteSpec } from './common';

const agencyAnswer = strictObject(
  {
    code: agencyCode,
    codeProvisional: { type: 'boolean' },
    name: plainString,
    level: { enum: [...AGENCY_LEVELS] },
    kind: { enum: [...AGENCY_KINDS] },
    parentCode: { anyOf: [agencyCode, { type: 'null' }] },
    effectiveFrom: dateTime,
  },
  ['code', 'codeProvisional', 'name', 'level', 'kind', 'parentCode', 'effectiveFrom'],
);
const agencyListAnswer = strictObject({ items: arrayOf(agencyAnswer) }, ['items']);

export const agencyRoutes = {
  list: {
    operationId: 'listAgencies',
    method: 'get',
    path: '/api/agencies',
    summary: 'Agencies in force, optionally filtered by level, kind or parent',
    tag: 'agencies',
    access: 'public',
    query: strictObject({
      level: { enum: [...AGENCY_LEVELS] },
      kind: { enum: [...AGENCY_KINDS] },
      parent: { type: 'string', format: 'agency-code' },
    }),
    responses: { 200: okResponse('Agencies', agencyListAnswer) },
  },
} satisfies Record<string, RouteSpec>;

export type AgencyQuery = FromSchema<typeof agencyRoutes.list.query>;
export type AgencyAnswer = FromSchema<typeof agencyAnswer>;
export type AgencyListAnswer = FromSchema<typeof agencyListAnswer>;
