// Result documents: the multipart upload by the deciding or returning agency, and the download of one file.
import type { Router } from 'express';
import { resultDocumentRoutes } from '../api-schemas/result-documents';
import { recordAudit } from '../domain/audit-trail';
import {
  openResultFile,
  resultDocumentInput,
  resultDocumentLimitBytes,
  resultDocumentLimitLabel,
  uploadResultDocument,
} from '../domain/result-documents';
import { readMultipartForm } from '../http/multipart-form';
import { mountRoute } from '../http/route';
import { sendStoredFile } from '../http/stored-file';

export function mountResultDocumentRoutes(router: Router): void {
  mountRoute(router, resultDocumentRoutes.upload, async (req, res) => {
    const { code } = res.locals.params as { code: string };
    const form = await readMultipartForm(req, {
      // The parts' headers and boundaries on top of the files' own limit.
      limitBytes: resultDocumentLimitBytes + 64 * 1024,
      limitLabel: resultDocumentLimitLabel,
    });
    const input = await resultDocumentInput(form);
    const uploaded = await uploadResultDocument(res.locals.ctx.auth!.user, code, input);
    await recordAudit(res.locals.ctx, {
      action: 'dossier.result-document-upload',
      target: { kind: 'dossier', key: code },
      details: { name: uploaded.document.name, fileIds: uploaded.document.fileIds },
    });
    res.status(201).json(uploaded);
  });

  mountRoute(router, resultDocumentRoutes.download, async (_req, res) => {
    const { code, fileId } = res.locals.params as { code: string; fileId: string };
    const file = await openResultFile(res.locals.ctx.auth!.user, code, fileId);
    await sendStoredFile(res, file);
  });
}
