// Procedure catalogue operations: read the catalogue; designers and admins create procedures and draft versions.
// Publishing (deploy to the engine) and diffs belong to the designer's endpoints.
import type { FromSchema } from 'json-schema-to-ts';
import { timeLimitUnits } from '../../processes/calendar';
import {
  AGENCY_LEVELS,
  FEE_COLLECTION_POINTS,
  ONLINE_LEVELS,
  PROCEDURE_VERSION_STATUSES,
} from '../../processes/procedure-vocabulary';
import { arrayOf, plainString, stringList } from './answer-pieces';
import {
  dateTime,
  dossierComponent,
  fee,
  formRef,
  pageOf,
  procedureCode,
  timeLimit,
} from './responses/building-blocks';
import {
  displayName,
  okResponse,
  pageQuery,
  strictObject,
  text,
  type JsonSchema,
  type RouteSpec,
} from './common';

const versionProperties = {
  changelog: text(4000, 0),
  effectiveFrom: { type: 'string', format: 'date-time' },
  bpmnProcessId: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,99}$' },
  bpmnXml: { type: 'string', maxLength: 1_000_000 },
  /** The DMN decision tables the diagram calls; omitted, the new version keeps those of the version in force. */
  decisions: {
    type: 'array',
    maxItems: 10,
    items: strictObject(
      {
        name: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,96}\\.dmn$' },
        dmnXml: { type: 'string', minLength: 1, maxLength: 1_000_000 },
      },
      ['name', 'dmnXml'],
    ),
  },
  forms: {
    type: 'array',
    maxItems: 10,
    items: strictObject({ formId: text(100), formVersion: text(40) }, ['formId', 'formVersion']),
  },
  timeLimit: strictObject(
    {
      value: { type: 'number', minimum: 0, maximum: 3650 },
      unit: { enum: [...timeLimitUnits] },
      sameDayCutoff: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
    },
    ['value', 'unit'],
  ),
  fees: {
    type: 'array',
    maxItems: 30,
    items: strictObject(
      {
        name: displayName(300),
        amount: { type: 'integer', minimum: 0, maximum: 1_000_000_000_000 },
        collectAt: { enum: [...FEE_COLLECTION_POINTS] },
        note: text(1000),
      },
      ['name', 'amount', 'collectAt'],
    ),
  },
  components: {
    type: 'array',
    maxItems: 60,
    items: strictObject(
      {
        id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,59}$' },
        name: displayName(500),
        required: { type: 'boolean' },
        originals: { type: 'integer', minimum: 0, maximum: 20 },
        copies: { type: 'integer', minimum: 0, maximum: 20 },
        note: text(1000),
      },
      ['id', 'name', 'required'],
    ),
  },
  onlineLevel: { enum: [...ONLINE_LEVELS] },
} as const satisfies Record<string, JsonSchema>;

const versionBody = strictObject(versionProperties, ['bpmnProcessId', 'timeLimit']);
const codeParam = strictObject({ code: { type: 'string', format: 'procedure-code' } }, ['code']);
const designers = ['designer', 'admin'] as const;

/** A version's fields as answered: everything but its authors' ids; the diagram only where the reader sees it. */
export const procedureVersionAnswerProperties = {
  version: { type: 'integer', minimum: 1 },
  status: { enum: [...PROCEDURE_VERSION_STATUSES] },
  changelog: plainString,
  createdAt: dateTime,
  publishedAt: dateTime,
  retiredAt: dateTime,
  effectiveFrom: dateTime,
  bpmnProcessId: plainString,
  bpmnXml: plainString,
  /** The DMN decision tables the diagram's business rule tasks call, where the diagram is shown. */
  decisions: arrayOf(strictObject({ name: plainString, dmnXml: plainString }, ['name', 'dmnXml'])),
  forms: arrayOf(formRef),
  timeLimit,
  fees: arrayOf(fee),
  components: arrayOf(dossierComponent),
  onlineLevel: { enum: [...ONLINE_LEVELS] },
  deployment: strictObject(
    { processDefinitionKey: plainString, processVersion: { type: 'integer' }, deployedAt: dateTime },
    ['processDefinitionKey', 'processVersion', 'deployedAt'],
  ),
} as const satisfies Record<string, JsonSchema>;

export const procedureVersionAnswerRequired = [
  'version',
  'status',
  'changelog',
  'createdAt',
  'bpmnProcessId',
  'forms',
  'timeLimit',
  'fees',
  'components',
  'onlineLevel',
] as const;

const procedureVersionAnswer = strictObject(procedureVersionAnswerProperties, procedureVersionAnswerRequired);

const procedureSummaryProperties = {
  code: procedureCode,
  localCode: plainString,
  names: strictObject({ vi: plainString, en: plainString }, ['vi']),
  field: strictObject({ code: plainString, name: plainString }, ['name']),
  level: { enum: [...AGENCY_LEVELS] },
  publishedVersion: { type: ['integer', 'null'], minimum: 1 },
} as const satisfies Record<string, JsonSchema>;
const procedureSummaryRequired = ['code', 'names', 'field', 'level', 'publishedVersion'] as const;

const procedureSummaryAnswer = strictObject(procedureSummaryProperties, procedureSummaryRequired);

const procedurePageAnswer = pageOf(procedureSummaryAnswer);

const procedureAnswer = strictObject(
  {
    ...procedureSummaryProperties,
    implementingAgencyCodes: stringList,
    versions: arrayOf(procedureVersionAnswer),
  },
  [...procedureSummaryRequired, 'implementingAgencyCodes', 'versions'],
);

export const procedureRoutes = {
  list: {
    operationId: 'listProcedures',
    method: 'get',
    path: '/api/procedures',
    summary: 'The procedure catalogue (public), searchable by name or code',
    tag: 'procedures',
    access: 'public',
    query: strictObject({
      ...pageQuery,
      q: text(100),
      level: { enum: [...AGENCY_LEVELS] },
      published: { type: 'boolean' },
    }),
    responses: { 200: okResponse('One page of procedures, without BPMN XML', procedurePageAnswer) },
  },
  get: {
    operationId: 'getProcedure',
    method: 'get',
    path: '/api/procedures/:code',
    summary: 'One procedure with its versions (BPMN XML only for designers and admins)',
    tag: 'procedures',
    access: 'public',
    params: codeParam,
    responses: { 200: okResponse('The procedure', procedureAnswer), 404: okResponse('No such procedure') },
  },
  create: {
    operationId: 'createProcedure',
    method: 'post',
    path: '/api/procedures',
    summary: 'Create a procedure with its first draft version',
    tag: 'procedures',
    access: designers,
    body: strictObject(
      {
        code: { type: 'string', format: 'procedure-code' },
        localCode: text(60),
        names: strictObject({ vi: displayName(500), en: displayName(500) }, ['vi']),
        field: strictObject({ code: text(40), name: displayName(200) }, ['name']),
        level: { enum: [...AGENCY_LEVELS] },
        implementingAgencyCodes: {
          type: 'array',
          maxItems: 500,
          uniqueItems: true,
          items: { type: 'string', format: 'agency-code' },
        },
        version: versionBody,
      },
      ['code', 'names', 'field', 'level', 'version'],
    ),
    responses: { 201: okResponse('The new procedure', procedureAnswer), 409: okResponse('The code exists') },
  },
  addVersion: {
    operationId: 'addProcedureVersion',
    method: 'post',
    path: '/api/procedures/:code/versions',
    summary: 'Add a draft version (the next number)',
    tag: 'procedures',
    access: designers,
    params: codeParam,
    body: versionBody,
    responses: {
      201: okResponse('The new draft version', procedureVersionAnswer),
      404: okResponse('No such procedure'),
    },
  },
} satisfies Record<string, RouteSpec>;

export type VersionBody = FromSchema<typeof versionBody>;
export type CreateProcedureBody = FromSchema<typeof procedureRoutes.create.body>;
export type ListProceduresQuery = FromSchema<typeof procedureRoutes.list.query>;
export type ProcedureVersionAnswer = FromSchema<typeof procedureVersionAnswer>;
export type ProcedureSummaryAnswer = FromSchema<typeof procedureSummaryAnswer>;
export type ProcedurePageAnswer = FromSchema<typeof procedurePageAnswer>;
export type ProcedureAnswer = FromSchema<typeof procedureAnswer>;
