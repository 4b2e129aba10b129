// Dossier operations: the agency's list, submission at the counter or online, one dossier, the public lookup.
import type { FromSchema } from 'json-schema-to-ts';
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
import { pageOf } from './responses/building-blocks';
import {
  dossierDetailSchema,
  dossierSummarySchema,
  publicDossierStatusSchema,
} from './responses/dossier-views';

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

const submitAnswer = {
  type: 'object',
  additionalProperties: false,
  required: ['dossier', 'receiptSecret'],
  properties: {
    dossier: dossierDetailSchema,
    receiptSecret: {
      type: 'string',
      minLength: 6,
      maxLength: 20,
      description: 'Printed on the receipt: the applicant’s key to the public lookup',
    },
  },
} as const satisfies JsonSchema;

const dossierPage = pageOf(dossierSummarySchema);

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
      200: okResponse('One page, newest first', dossierPage),
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
      201: okResponse('Created; `receiptSecret` is shown once, for the receipt slip', submitAnswer),
      200: okResponse(
        'Same idempotencyKey as an earlier submission: that dossier, with a fresh receipt secret',
        submitAnswer,
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
      200: okResponse(
        'The dossier; `processHealth` when the machine has trouble with it',
        dossierDetailSchema,
      ),
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
      200: okResponse('Public status: nothing beyond what the receipt holds', publicDossierStatusSchema),
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
      200: okResponse('The dossier', dossierDetailSchema),
      409: okResponse('The dossier is not waiting for a supplement'),
    },
  },
} satisfies Record<string, RouteSpec>;

export type SubmitDossierBody = FromSchema<typeof submitBody>;
export type SupplementBody = FromSchema<typeof dossierRoutes.supplement.body>;
export type PublicStatusBody = FromSchema<typeof dossierRoutes.publicStatus.body>;
export type ListDossiersQuery = FromSchema<typeof dossierRoutes.list.query>;

export type DossierSummary = FromSchema<typeof dossierSummarySchema>;
export type DossierDetail = FromSchema<typeof dossierDetailSchema>;
export type DossierPage = FromSchema<typeof dossierPage>;
export type SubmitDossierAnswer = FromSchema<typeof submitAnswer>;
export type PublicDossierStatus = FromSchema<typeof publicDossierStatusSchema>;
