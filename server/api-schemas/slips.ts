// Slip PDFs of Circular 03/2025/TT-VPCP Annex I: an issued slip of a dossier, the process control slip (06) built
// on demand, and the counter's log book (07) for a period.
import { fileResponse, okResponse, strictObject, type RouteSpec } from './common';

const codeParam = { type: 'string', format: 'dossier-code' };
const pdf = fileResponse('The PDF, inline', 'application/pdf');

export const slipRoutes = {
  issued: {
    operationId: 'getDossierSlipPdf',
    method: 'get',
    path: '/api/dossiers/:code/slips/:number.pdf',
    summary: 'An issued slip (01–05) of the dossier as PDF, rendered from the data stored when it was issued',
    tag: 'slips',
    access: ['officer', 'leader', 'citizen'],
    params: strictObject(
      {
        code: codeParam,
        number: { type: 'string', minLength: 3, maxLength: 60, pattern: '^[A-Za-z0-9.-]+$' },
      },
      ['code', 'number'],
    ),
    responses: { 200: pdf, 404: okResponse('No such dossier in your scope, or no such slip') },
  },
  controlSlip: {
    operationId: 'getDossierControlSlipPdf',
    method: 'get',
    path: '/api/dossiers/:code/control-slip.pdf',
    summary: 'The process control slip (06) with its hand-over rows, as the dossier stands now',
    tag: 'slips',
    access: ['officer', 'leader', 'citizen'],
    params: strictObject({ code: codeParam }, ['code']),
    responses: { 200: pdf, 404: okResponse('No such dossier in your scope') },
  },
  logBook: {
    operationId: 'getDossierLogBookPdf',
    method: 'get',
    path: '/api/dossier-log-book.pdf',
    summary: "The log book (07) of the caller's agency: dossiers submitted from `from` to `to` (local days)",
    tag: 'slips',
    access: ['officer', 'leader'],
    query: strictObject(
      {
        from: { type: 'string', format: 'local-date' },
        to: { type: 'string', format: 'local-date' },
      },
      ['from', 'to'],
    ),
    responses: { 200: pdf, 400: okResponse('Invalid period') },
  },
} satisfies Record<string, RouteSpec>;
