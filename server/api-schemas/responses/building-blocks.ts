// Pieces the response schemas of every area share: instants, object ids, an agency as people see it, a person's
// name, a dossier's status and machine health, a page of a list, a procedure's time limit, fees and documents.
// Literal (`as const`), so that FromSchema derives the answers' types from them.
import type { JsonSchema } from '../common';
import type { DossierStatus, DossierSubStatus } from '../../../processes/dossier-status';
import type { ProcessHealthState } from '../../../processes/process-health-states';
import type { TimeLimitUnit } from '../../../processes/calendar/due-date';
import type { FeeCollectionPoint } from '../../../processes/procedure-vocabulary';

/** Every value of a union, once: a vocabulary's enum in a schema stays literal and cannot miss a member. */
const all =
  <T extends string | number>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)) =>
    list;

/** An instant as JSON carries it (Date.toJSON): ISO 8601 in UTC. */
export const dateTime = { type: 'string', format: 'date-time' } as const satisfies JsonSchema;

/** A store id (ObjectId as JSON): 24 hexadecimal digits. */
export const objectId = { type: 'string', pattern: '^[0-9a-f]{24}$' } as const satisfies JsonSchema;

export const dossierCode = { type: 'string', format: 'dossier-code' } as const satisfies JsonSchema;
export const procedureCode = { type: 'string', format: 'procedure-code' } as const satisfies JsonSchema;
export const agencyCode = { type: 'string', format: 'agency-code' } as const satisfies JsonSchema;

/** An agency as a person sees it: its code and its name. */
export const agencyRef = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name'],
  properties: { code: agencyCode, name: { type: 'string' } },
} as const satisfies JsonSchema;

/** A person's full name as stored (Vietnamese, NFC). */
export const personName = { type: 'string', minLength: 1, maxLength: 200 } as const satisfies JsonSchema;

export const dossierStatusCodes = all<DossierStatus>()([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
export const dossierSubStatusKeys = all<DossierSubStatus>()([
  'supplemented-awaiting-acceptance',
  'awaiting-signature',
  'awaiting-interagency',
  'interagency-result-received',
  'awaiting-return',
]);
export const processHealthStateKeys = all<ProcessHealthState>()(['incident', 'stalled', 'missing']);

/** A dossier's national status with its label in the caller's language, and the local sub-state inside it. */
export const statusView = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'key', 'label'],
  properties: {
    code: { enum: dossierStatusCodes },
    key: { type: 'string' },
    label: { type: 'string' },
    sub: { enum: dossierSubStatusKeys },
    subLabel: { type: 'string' },
  },
} as const satisfies JsonSchema;

/** The machine's trouble with a dossier (absent when none): shown "Lỗi xử lý" or "Đang chờ hệ thống". */
export const processHealthView = {
  type: 'object',
  additionalProperties: false,
  required: ['state', 'label', 'since'],
  properties: {
    state: { enum: processHealthStateKeys },
    label: { type: 'string' },
    since: dateTime,
    elementId: { type: 'string' },
    message: { type: 'string', description: 'The technical cause; leaders and admins only' },
  },
} as const satisfies JsonSchema;

/** One page of a list: its items, where it is, whether more follow, and the total when asked for. */
export const pageOf = <const Item extends JsonSchema>(items: Item) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: ['items', 'page', 'pageSize', 'hasMore'],
    properties: {
      items: { type: 'array', items },
      page: { type: 'integer', minimum: 1 },
      pageSize: { type: 'integer', minimum: 1 },
      hasMore: { type: 'boolean' },
      total: { type: 'integer', minimum: 0 },
    },
  }) as const;

/** A procedure's time limit (processes/calendar/due-date.ts TimeLimit). */
export const timeLimit = {
  type: 'object',
  additionalProperties: false,
  required: ['value', 'unit'],
  properties: {
    value: { type: 'number', minimum: 0 },
    unit: { enum: all<TimeLimitUnit>()(['working-days', 'days', 'hours', 'months', 'same-day']) },
    sameDayCutoff: { type: 'string', pattern: '^\\d{2}:\\d{2}$' },
  },
} as const satisfies JsonSchema;

/** One fee of a procedure version (processes/procedure-vocabulary.ts Fee); VND, 0 when exempt. */
export const fee = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'amount', 'collectAt'],
  properties: {
    name: { type: 'string' },
    amount: { type: 'number', minimum: 0 },
    collectAt: { enum: all<FeeCollectionPoint>()(['intake', 'supplement', 'result']) },
    note: { type: 'string' },
  },
} as const satisfies JsonSchema;

/** One document the dossier must (or may) hold (processes/procedure-vocabulary.ts DossierComponent). */
export const dossierComponent = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'required', 'originals', 'copies'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    required: { type: 'boolean' },
    originals: { type: 'integer', minimum: 0 },
    copies: { type: 'integer', minimum: 0 },
    note: { type: 'string' },
  },
} as const satisfies JsonSchema;

/** A declaration form at one version. */
export const formRef = {
  type: 'object',
  additionalProperties: false,
  required: ['formId', 'formVersion'],
  properties: { formId: { type: 'string' }, formVersion: { type: 'string' } },
} as const satisfies JsonSchema;
