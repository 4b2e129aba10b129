// Document upload at the counter: the raw file as the request body.
import type { FromSchema } from 'json-schema-to-ts';
import { fileResponse, okResponse, strictObject, type JsonSchema, type RouteSpec } from './common';
import { objectId } from './responses/building-blocks';

/** The types a document is stored as, read from its bytes (server/domain/document-upload.ts). */
const documentContentType = { enum: ['application/pdf', 'image/jpeg', 'image/png'] } as const;

const uploadAnswer = {
  type: 'object',
  additionalProperties: false,
  required: ['fileId', 'component', 'contentType', 'size'],
  properties: {
    fileId: objectId,
    component: { type: 'string' },
    contentType: documentContentType,
    size: { type: 'integer', minimum: 1 },
  },
} as const satisfies JsonSchema;

export const documentRoutes = {
  upload: {
    operationId: 'uploadDossierDocument',
    method: 'post',
    path: '/api/dossiers/:code/documents/:component',
    summary:
      'Upload one document of a component: raw body application/pdf, image/jpeg or image/png, at most 20 MB',
    tag: 'dossiers',
    access: ['officer'],
    params: strictObject(
      {
        code: { type: 'string', format: 'dossier-code' },
        component: { type: 'string', minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9_.-]+$' },
      },
      ['code', 'component'],
    ),
    responses: {
      201: okResponse('Stored; the dossier lists the file under the component', uploadAnswer),
      404: okResponse('No such dossier in your scope, or no such component'),
      413: okResponse('Larger than 20 MB'),
      415: okResponse(
        'Not a PDF, JPEG or PNG by its bytes, or a PDF that does not parse, is encrypted or carries JavaScript, launch actions or embedded files',
      ),
    },
  },
  download: {
    operationId: 'getDossierDocumentFile',
    method: 'get',
    path: '/api/dossiers/:code/document-files/:fileId',
    summary: 'One uploaded document file of the dossier (PDF, JPEG or PNG), inline, for the document viewer',
    tag: 'dossiers',
    access: ['officer', 'leader'],
    params: strictObject(
      {
        code: { type: 'string', format: 'dossier-code' },
        fileId: { type: 'string', pattern: '^[0-9a-f]{24}$' },
      },
      ['code', 'fileId'],
    ),
    responses: {
      200: fileResponse(
        'The file with its stored content type',
        'application/pdf',
        'image/jpeg',
        'image/png',
      ),
      404: okResponse('No such dossier in your scope, or no file uploaded for it under this id'),
    },
  },
} satisfies Record<string, RouteSpec>;

export type UploadedDocumentAnswer = FromSchema<typeof uploadAnswer>;
