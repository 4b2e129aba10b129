// Document upload: type and size checked before anything is stored.
import type { Router } from 'express';
import { documentRoutes } from '../api-schemas/documents';
import { documentType, readDocumentBody, uploadDocument } from '../domain/document-upload';
import { recordAudit } from '../domain/audit-trail';
import { mountRoute } from '../http/route';

export function mountDocumentRoutes(router: Router): void {
  mountRoute(router, documentRoutes.upload, async (req, res) => {
    const { code, component } = res.locals.params as { code: string; component: string };
    const contentType = documentType(req);
    const content = await readDocumentBody(req);
    const uploaded = await uploadDocument(res.locals.ctx.auth!.user, code, component, contentType, content);
    await recordAudit(res.locals.ctx, {
      action: 'dossier.document-upload',
      target: { kind: 'dossier', key: code },
      details: { component, fileId: uploaded.fileId, size: uploaded.size },
    });
    res.status(201).json(uploaded);
  });
}
