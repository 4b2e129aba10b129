// The organisation tree, readable by anyone (online filers choose a receiving agency from it).
import { AGENCY_LEVELS } from '../../processes/procedure-vocabulary';
import { AGENCY_KINDS } from '../../processes/procedure-vocabulary';
import { okResponse, strictObject, type RouteSpec } from './common';

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
    responses: { 200: okResponse('Agencies') },
  },
} satisfies Record<string, RouteSpec>;
