// Document upload at the counter: the raw file as the request body.
import { okResponse, strictObject, type RouteSpec } from './common';

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
      201: okResponse('Stored; the dossier lists the file under the component', {
        type: 'object',
        required: ['fileId', 'component', 'contentType', 'size'],
        properties: {
          fileId: { type: 'string' },
          component: { type: 'string' },
          contentType: { type: 'string' },
          size: { type: 'integer' },
        },
      }),
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
      200: okResponse('The file with its stored content type'),
      404: okResponse('No such dossier in your scope, or no file uploaded for it under this id'),
    },
  },
} satisfies Record<string, RouteSpec>;
