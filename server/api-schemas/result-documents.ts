// Result documents of a dossier (giấy tờ kết quả, e.g. the signed birth certificate scan): upload as
// multipart/form-data by the deciding or returning agency, download by whoever may see the dossier.
import type { FromSchema } from 'json-schema-to-ts';
import { fileResponse, okResponse, strictObject, type JsonSchema, type RouteSpec } from './common';
import { resultDocumentSchema } from './responses/dossier-views';

const codeParam = { type: 'string', format: 'dossier-code' };

const uploadAnswer = {
  type: 'object',
  additionalProperties: false,
  required: ['document', 'documents'],
  properties: {
    document: resultDocumentSchema,
    documents: { type: 'array', items: resultDocumentSchema },
  },
} as const satisfies JsonSchema;

export const resultDocumentRoutes = {
  upload: {
    operationId: 'uploadDossierResultDocument',
    method: 'post',
    path: '/api/dossiers/:code/result-documents',
    summary:
      'Attach one result document to the dossier: multipart/form-data with a text part `name` and 1–10 `file` ' +
      'parts (application/pdf, image/jpeg or image/png), at most 20 MB in all; by officers or leaders of the ' +
      'agency deciding the dossier now or of the receiving agency that returns it, while status is 4, 6 or 9',
    tag: 'dossiers',
    access: ['officer', 'leader'],
    params: strictObject({ code: codeParam }, ['code']),
    responses: {
      201: okResponse('Stored; the document and every result document of the dossier', uploadAnswer),
      400: okResponse('A missing or invalid part, named in fields[].path (name, file, file[i])'),
      403: okResponse('Not staff of the deciding or returning agency'),
      404: okResponse('No such dossier in your scope'),
      409: okResponse(
        'The dossier no longer takes result documents (delivered, refused, stopped, withdrawn)',
      ),
      413: okResponse('Larger than 20 MB'),
      415: okResponse('Not multipart/form-data, or a file that is not a PDF, JPEG or PNG'),
    },
  },
  download: {
    operationId: 'getDossierResultFile',
    method: 'get',
    path: '/api/dossiers/:code/result-documents/:fileId',
    summary: 'One file of a result document of the dossier, with its stored content type',
    tag: 'dossiers',
    access: ['officer', 'leader', 'citizen'],
    params: strictObject({ code: codeParam, fileId: { type: 'string', pattern: '^[0-9a-f]{24}$' } }, [
      'code',
      'fileId',
    ]),
    responses: {
      200: fileResponse(
        'The file with its stored content type',
        'application/pdf',
        'image/jpeg',
        'image/png',
      ),
      404: okResponse('No such dossier in your scope, or no such result file'),
    },
  },
} satisfies Record<string, RouteSpec>;

export type ResultDocumentAnswer = FromSchema<typeof resultDocumentSchema>;
export type ResultDocumentUploadAnswer = FromSchema<typeof uploadAnswer>;
