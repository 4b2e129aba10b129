// Which schema fields get the Một cửa renderers: ranked above the material defaults (which top out at 4–5).
import { and, isControl, rankWith, schemaMatches, type JsonSchema } from '@jsonforms/core';

const has = (keyword: string) => (schema: JsonSchema) =>
  Object.prototype.hasOwnProperty.call(schema ?? {}, keyword) &&
  (schema as Record<string, unknown>)[keyword] !== false;

export const MOTCUA_RANK = 10;

export const cccdTester = rankWith(MOTCUA_RANK, and(isControl, schemaMatches(has('cccd'))));
export const adminUnitTester = rankWith(MOTCUA_RANK, and(isControl, schemaMatches(has('adminUnit'))));
export const refDataTester = rankWith(MOTCUA_RANK, and(isControl, schemaMatches(has('refData'))));
export const moneyTester = rankWith(MOTCUA_RANK, and(isControl, schemaMatches(has('money'))));
export const dateTester = rankWith(
  MOTCUA_RANK,
  and(
    isControl,
    schemaMatches((s) => (s as { format?: string })?.format === 'date'),
  ),
);
