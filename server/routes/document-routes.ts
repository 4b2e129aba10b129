// Document upload: type and size checked before anything is stored.
import type { Router } from 'express';
import { documentRoutes } from '../api-schemas/documents';
import { documentType, readDocumentBody, uploadDocument } from '../domain/document-upload';
import { dossierScope } from '../domain/dossier-scope';
import { recordAudit } from '../domain/audit-trail';
import { forbidden } from '../errors/api-error';
import { mountRoute } from '../http/route';

export function mountDocumentRoutes(router: Router): void {
  mountRoute(router, documentRoutes.upload, async (req, res) => {
    const scope = dossierScope(res.locals.ctx.auth!.user);
    if (!scope) throw forbidden();
    const { code, component } = res.locals.params as { code: string; component: string };
    const contentType = documentType(req);
    const content = await readDocumentBody(req);
    const uploaded = await uploadDocument(
      scope as Record<string, unknown>,
      code,
      component,
      contentType,
      content,
    );
    await recordAudit(res.locals.ctx, {
      action: 'dossier.document-upload',
      target: { kind: 'dossier', key: code },
      details: { component, fileId: uploaded.fileId, size: uploaded.size },
    });
    res.status(201).json(uploaded);
  });
}
