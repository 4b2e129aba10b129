// What the API shows of a dossier (server/domain/dossier-views.ts): the officer's summary in lists, the full view,
// and the citizen's public status, which holds nothing beyond what the receipt slip prints.
import type { JsonSchema } from '../common';
import { CHANNELS, RETURN_CHANNELS } from '../../../processes/dossier-vocabulary';
import {
  agencyCode,
  dateTime,
  dossierCode,
  dossierComponent,
  dossierStatusCodes,
  fee,
  formRef,
  objectId,
  personName,
  procedureCode,
  processHealthView,
  statusView,
  timeLimit,
} from './building-blocks';

const timing = { enum: ['early', 'on-time', 'late'] } as const satisfies JsonSchema;

export const dossierSummarySchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'code',
    'procedure',
    'receivingAgencyCode',
    'applicant',
    'channel',
    'status',
    'overdue',
    'submittedAt',
  ],
  properties: {
    code: dossierCode,
    procedure: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'name', 'version'],
      properties: { code: procedureCode, name: { type: 'string' }, version: { type: 'integer', minimum: 1 } },
    },
    receivingAgencyCode: agencyCode,
    applicant: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: { name: personName },
    },
    channel: { enum: CHANNELS },
    status: statusView,
    overdue: { type: 'boolean', description: 'Open and past its due date (derived, never stored)' },
    submittedAt: dateTime,
    receivedAt: dateTime,
    appointmentAt: dateTime,
    dueAt: dateTime,
    resolvedAt: dateTime,
    returnedAt: dateTime,
    queueTicket: { type: 'string' },
    processHealth: processHealthView,
  },
} as const satisfies JsonSchema;

const timelineEvent = {
  type: 'object',
  additionalProperties: false,
  required: ['at', 'actor', 'action'],
  properties: {
    at: dateTime,
    actor: {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: {
        kind: { enum: ['user', 'citizen', 'system'] },
        userId: objectId,
        username: { type: 'string' },
        name: { type: 'string' },
      },
    },
    action: {
      type: 'string',
      description: 'Dotted verb, e.g. dossier.accepted (processes/dossier-actions.ts)',
    },
    status: { enum: dossierStatusCodes },
    elementId: { type: 'string' },
    agency: objectId,
    agencyCode,
    note: { type: 'string' },
    key: { type: 'string' },
  },
} as const satisfies JsonSchema;

const dossierDocument = {
  type: 'object',
  additionalProperties: false,
  required: ['component', 'fileIds', 'digitised', 'original'],
  properties: {
    component: { type: 'string' },
    name: { type: 'string' },
    fileIds: { type: 'array', items: { type: 'string' } },
    digitised: { type: 'boolean' },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    pages: { type: 'integer', minimum: 0 },
    original: { type: 'boolean' },
  },
} as const satisfies JsonSchema;

/** A result document (e.g. the signed certificate's scan); also the answer of its upload. */
export const resultDocumentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'fileIds'],
  properties: {
    name: { type: 'string' },
    fileIds: { type: 'array', items: objectId },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    uploadedAt: dateTime,
    uploadedBy: { type: 'string', description: 'Username of the officer who uploaded it' },
  },
} as const satisfies JsonSchema;

const issuedSlip = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'number', 'key', 'issuedAt', 'data'],
  properties: {
    kind: { type: 'string', description: 'The form number, 01–05' },
    number: { type: 'string', description: 'The slip id in its URL, e.g. 04-<dossier code>-1' },
    formNumber: { type: 'string', description: "The agency's running number of the form, e.g. 12/PXL" },
    key: { type: 'string' },
    issuedAt: dateTime,
    data: { type: 'object', description: 'What the PDF is rendered from' },
  },
} as const satisfies JsonSchema;

const detailProperties = {
  ...dossierSummarySchema.properties,
  id: objectId,
  _id: objectId,
  procedure: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'code', 'name', 'version', 'bpmnProcessId', 'forms', 'timeLimit', 'components'],
    properties: {
      id: objectId,
      code: procedureCode,
      name: { type: 'string' },
      version: { type: 'integer', minimum: 1 },
      bpmnProcessId: { type: 'string' },
      processVersion: { type: 'integer' },
      forms: { type: 'array', items: formRef },
      timeLimit,
      components: { type: 'array', items: dossierComponent },
    },
  },
  receivingAgency: objectId,
  currentAgency: objectId,
  visibleToAgencies: { type: 'array', items: objectId },
  applicant: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'idNumber'],
    properties: {
      name: personName,
      idNumber: { type: 'string', format: 'cccd' },
      phone: { type: 'string' },
      email: { type: 'string' },
      address: { type: 'string' },
    },
  },
  declaration: {
    type: 'object',
    additionalProperties: false,
    required: ['data'],
    properties: {
      formId: { type: 'string' },
      formVersion: { type: 'string' },
      data: { type: 'object', description: "The declaration, as the procedure's form holds it" },
    },
  },
  documents: { type: 'array', items: dossierDocument },
  stepDeadlines: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['step', 'startedAt'],
      properties: {
        step: { type: 'string' },
        elementId: { type: 'string' },
        agency: objectId,
        startedAt: dateTime,
        dueAt: dateTime,
        finishedAt: dateTime,
      },
    },
  },
  timeline: { type: 'array', items: timelineEvent },
  slips: { type: 'array', items: issuedSlip },
  handovers: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['key', 'step', 'fromAgencyCode', 'toAgencyCode', 'givenAt'],
      properties: {
        key: { type: 'string' },
        step: { type: 'string' },
        fromAgencyCode: agencyCode,
        toAgencyCode: agencyCode,
        givenAt: dateTime,
        receivedAt: dateTime,
        dueAt: dateTime,
        timing,
      },
    },
  },
  supplementRequests: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['key', 'requestedAt', 'missingComponents'],
      properties: {
        key: { type: 'string' },
        requestedAt: dateTime,
        suppliedAt: dateTime,
        missingComponents: { type: 'array', items: { type: 'string' } },
        reason: { type: 'string' },
      },
    },
  },
  completionTiming: timing,
  result: {
    type: 'object',
    additionalProperties: false,
    required: ['documents'],
    properties: { summary: { type: 'string' }, documents: { type: 'array', items: resultDocumentSchema } },
  },
  returnChannel: { enum: RETURN_CHANNELS },
  fees: {
    type: 'array',
    items: {
      ...fee,
      properties: { ...fee.properties, paidAt: dateTime },
    },
  },
  rating: {
    type: 'object',
    additionalProperties: false,
    required: ['score', 'at'],
    properties: {
      score: { type: 'integer', minimum: 1, maximum: 5 },
      comment: { type: 'string' },
      at: dateTime,
    },
  },
  processInstanceKey: { type: 'string' },
  processInstances: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['key', 'bpmnProcessId', 'agencyCode', 'boundAt'],
      properties: {
        key: { type: 'string' },
        bpmnProcessId: { type: 'string' },
        agencyCode,
        boundAt: dateTime,
      },
    },
  },
  createdBy: objectId,
  createdAt: dateTime,
  updatedAt: dateTime,
} as const satisfies Record<string, JsonSchema>;

/** The full dossier: everything but the receipt secret's hash and the bookkeeping of its process start and audit. */
export const dossierDetailSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    ...dossierSummarySchema.required,
    'id',
    '_id',
    'receivingAgency',
    'currentAgency',
    'visibleToAgencies',
    'declaration',
    'documents',
    'stepDeadlines',
    'timeline',
    'fees',
    'createdAt',
    'updatedAt',
  ],
  properties: detailProperties,
} as const satisfies JsonSchema;

/** The citizen's lookup with the receipt's code and secret: the name masked to its initials. */
export const publicDossierStatusSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'procedure', 'applicantName', 'status', 'overdue', 'submittedAt', 'history'],
  properties: {
    code: dossierCode,
    procedure: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'name'],
      properties: { code: procedureCode, name: { type: 'string' } },
    },
    applicantName: { type: 'string', description: 'Initials of each word, the rest masked: N*** V** A*' },
    status: statusView,
    overdue: { type: 'boolean' },
    submittedAt: dateTime,
    receivedAt: dateTime,
    appointmentAt: dateTime,
    resolvedAt: dateTime,
    returnedAt: dateTime,
    returnChannel: { enum: RETURN_CHANNELS },
    history: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['at', 'status'],
        properties: { at: dateTime, status: statusView },
      },
    },
  },
} as const satisfies JsonSchema;
