// Document upload: type and size checked before anything is stored; a file added after the scan is digitised at
// once (server/domain/late-upload-scan.ts).
import type { Router } from 'express';
import { documentRoutes } from '../api-schemas/documents';
import { documentType, openDocumentFile, readDocumentBody, uploadDocument } from '../domain/document-upload';
import { recordAudit } from '../domain/audit-trail';
import { digitiseIfAlreadyScanned } from '../domain/late-upload-scan';
import { mountRoute } from '../http/route';
import { sendStoredFile } from '../http/stored-file';

export function mountDocumentRoutes(router: Router): void {
  mountRoute(router, documentRoutes.upload, async (req, res) => {
    const { code, component } = res.locals.params as { code: string; component: string };
    const contentType = documentType(req);
    const content = await readDocumentBody(req);
    const user = res.locals.ctx.auth!.user;
    const uploaded = await uploadDocument(user, code, component, contentType, content);
    await recordAudit(res.locals.ctx, {
      action: 'dossier.document-upload',
      target: { kind: 'dossier', key: code },
      details: { component, fileId: uploaded.fileId, size: uploaded.size },
    });
    await digitiseIfAlreadyScanned(user, code, uploaded.fileId);
    res.status(201).json(uploaded);
  });
  mountRoute(router, documentRoutes.download, async (_req, res) => {
    const { code, fileId } = res.locals.params as { code: string; fileId: string };
    const file = await openDocumentFile(res.locals.ctx.auth!.user, code, fileId);
    await sendStoredFile(res, file);
  });
}
