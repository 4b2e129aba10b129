// Dossier operations: the agency's list, submission at the counter or online, one dossier, the public lookup.
import type { FromSchema } from 'json-schema-to-ts';
import { processHealthStates } from '../../processes/process-health-states';
import { CHANNELS, RETURN_CHANNELS } from '../../processes/dossier-vocabulary';
import {
  displayName,
  okResponse,
  pageQuery,
  strictObject,
  text,
  type JsonSchema,
  type RouteSpec,
} from './common';

const documentsSchema = {
  type: 'array',
  maxItems: 50,
  items: strictObject(
    {
      component: text(60),
      name: displayName(300),
      fileIds: {
        type: 'array',
        maxItems: 20,
        items: text(100),
        description:
          'Files uploaded for this dossier under this component (none yet when the dossier is submitted)',
      },
      original: { type: 'boolean' },
    },
    ['component'],
  ),
} as const satisfies JsonSchema;

const codeParam = strictObject({ code: { type: 'string', format: 'dossier-code' } }, ['code']);

const submitBody = strictObject(
  {
    procedureCode: { type: 'string', format: 'procedure-code' },
    agencyCode: {
      type: 'string',
      format: 'agency-code',
      description: 'Receiving agency; online filings only',
    },
    channel: { enum: [...CHANNELS] },
    applicant: strictObject(
      {
        name: displayName(200),
        idNumber: { type: 'string', format: 'cccd', description: 'Số định danh cá nhân (CCCD), 12 digits' },
        phone: { type: 'string', format: 'vn-phone' },
        email: { type: 'string', format: 'email', maxLength: 200 },
        address: text(500),
      },
      ['name', 'idNumber'],
    ),
    declaration: strictObject(
      { data: { type: 'object', maxProperties: 200, description: "Validated against the procedure's form" } },
      ['data'],
    ),
    documents: documentsSchema,
    returnChannel: { enum: [...RETURN_CHANNELS] },
    queueTicket: text(20),
    idempotencyKey: { type: 'string', minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' },
  },
  ['procedureCode', 'channel', 'applicant', 'declaration'],
);

/** The machine's trouble with a dossier (absent when none): shown "Lỗi xử lý" or "Đang chờ hệ thống". */
export const processHealthSchema: JsonSchema = {
  type: 'object',
  required: ['state', 'label', 'since'],
  properties: {
    state: { enum: Object.keys(processHealthStates) },
    label: { type: 'string' },
    since: { type: 'string', format: 'date-time' },
    elementId: { type: 'string' },
    message: { type: 'string', description: 'The technical cause; leaders and admins only' },
  },
};

const dossierSummary: JsonSchema = {
  type: 'object',
  required: ['code', 'status', 'procedure', 'channel', 'submittedAt', 'overdue'],
  properties: {
    code: { type: 'string' },
    status: { type: 'object', properties: { code: { type: 'integer' }, label: { type: 'string' } } },
    subStatus: { type: 'string' },
    overdue: { type: 'boolean' },
    procedure: { type: 'object' },
    applicant: { type: 'object' },
    channel: { type: 'string' },
    submittedAt: { type: 'string', format: 'date-time' },
    appointmentAt: { type: 'string', format: 'date-time' },
    dueAt: { type: 'string', format: 'date-time' },
    processHealth: processHealthSchema,
  },
};

export const dossierRoutes = {
  list: {
    operationId: 'listDossiers',
    method: 'get',
    path: '/api/dossiers',
    summary:
      "The caller's dossiers: an officer's or leader's agency (and transferred to it), a citizen's own",
    tag: 'dossiers',
    access: ['officer', 'leader', 'citizen'],
    query: strictObject({
      ...pageQuery,
      status: {
        type: 'string',
        pattern: '^(10|[1-9])(,(10|[1-9])){0,9}$',
        description: 'Status codes, comma-separated',
      },
      procedure: { type: 'string', format: 'procedure-code' },
      code: {
        type: 'string',
        minLength: 3,
        maxLength: 30,
        pattern: '^[A-Z0-9.-]+$',
        description: 'Code or its prefix',
      },
      from: {
        type: 'string',
        format: 'local-date',
        description: 'Submitted on or after (dd in Asia/Ho_Chi_Minh)',
      },
      to: { type: 'string', format: 'local-date', description: 'Submitted on or before' },
      overdue: { type: 'boolean', description: 'Open dossiers past their due date (derived)' },
      includeTotal: { type: 'boolean' },
    }),
    responses: {
      200: okResponse('One page, newest first', {
        type: 'object',
        required: ['items', 'page', 'pageSize', 'hasMore'],
        properties: {
          items: { type: 'array', items: dossierSummary },
          page: { type: 'integer' },
          pageSize: { type: 'integer' },
          hasMore: { type: 'boolean' },
          total: { type: 'integer' },
        },
      }),
    },
  },
  submit: {
    operationId: 'submitDossier',
    method: 'post',
    path: '/api/dossiers',
    summary:
      'Submit a dossier at the counter (officer) or online (citizen); a repeated idempotencyKey creates one',
    tag: 'dossiers',
    access: ['officer', 'citizen'],
    body: submitBody,
    responses: {
      201: okResponse('Created; `receiptSecret` is shown once, for the receipt slip'),
      200: okResponse(
        'Same idempotencyKey as an earlier submission: that dossier, with a fresh receipt secret',
      ),
      400: okResponse('Invalid input; nothing written'),
      409: okResponse('No dossier number left today, or the key was used for another dossier'),
    },
  },
  get: {
    operationId: 'getDossier',
    method: 'get',
    path: '/api/dossiers/:code',
    summary: 'One dossier with its timeline (404 outside the caller’s scope)',
    tag: 'dossiers',
    access: ['officer', 'leader', 'citizen'],
    params: codeParam,
    responses: {
      200: okResponse('The dossier; `processHealth` when the machine has trouble with it', {
        type: 'object',
        required: ['code', 'status', 'timeline'],
        properties: {
          code: { type: 'string' },
          status: { type: 'object' },
          timeline: { type: 'array' },
          processHealth: processHealthSchema,
        },
      }),
      404: okResponse('No such dossier in your scope'),
    },
  },
  publicStatus: {
    operationId: 'lookupDossierStatus',
    method: 'post',
    path: '/api/public/dossier-status',
    summary: 'Public status lookup with the dossier code and the secret printed on the receipt (no sign-in)',
    tag: 'public',
    access: 'public',
    body: strictObject(
      {
        code: { type: 'string', format: 'dossier-code' },
        secret: { type: 'string', minLength: 6, maxLength: 20 },
      },
      ['code', 'secret'],
    ),
    responses: {
      200: okResponse('Public status: nothing beyond what the receipt holds'),
      404: okResponse('Wrong code or secret'),
      429: okResponse('Too many lookups'),
    },
  },
  supplement: {
    operationId: 'recordSupplement',
    method: 'post',
    path: '/api/dossiers/:code/supplement',
    summary:
      "Record the applicant's supplement: documents added, the legal clock resumes, the process continues",
    tag: 'dossiers',
    access: ['officer'],
    params: codeParam,
    body: strictObject({ documents: { ...documentsSchema, minItems: 1 }, note: text(2000) }, ['documents']),
    responses: {
      200: okResponse('The dossier'),
      409: okResponse('The dossier is not waiting for a supplement'),
    },
  },
} satisfies Record<string, RouteSpec>;

export type SubmitDossierBody = FromSchema<typeof submitBody>;
export type SupplementBody = FromSchema<typeof dossierRoutes.supplement.body>;
export type ListDossiersQuery = FromSchema<typeof dossierRoutes.list.query>;
