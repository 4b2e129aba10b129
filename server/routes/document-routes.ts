// Document upload: type and size checked before anything is stored. A file added after the dossier was scanned
// (dossier.scan already ran) is digitised at once, as the scan step would have done.
import type { Router } from 'express';
import { documentRoutes } from '../api-schemas/documents';
import { digitiseDocuments } from '../domain/document-digitising';
import { documentType, openDocumentFile, readDocumentBody, uploadDocument } from '../domain/document-upload';
import { recordAudit } from '../domain/audit-trail';
import { mountRoute } from '../http/route';
import { sendStoredFile } from '../http/stored-file';
import { DossierModel } from '../models/Dossier';

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
    const scanned = await DossierModel.findOne(
      { code, 'timeline.action': 'dossier.digitised' },
      { _id: 1 },
    ).lean();
    if (scanned) {
      await digitiseDocuments(scanned._id, {
        actor: { kind: 'user', userId: user.id, username: user.username },
        action: 'dossier.digitised',
        key: `upload:${uploaded.fileId}:scan`,
        ...(user.agency ? { agency: user.agency.id, agencyCode: user.agency.code } : {}),
      });
    }
    res.status(201).json(uploaded);
  });
  mountRoute(router, documentRoutes.download, async (_req, res) => {
    const { code, fileId } = res.locals.params as { code: string; fileId: string };
    const file = await openDocumentFile(res.locals.ctx.auth!.user, code, fileId);
    await sendStoredFile(res, file);
  });
}
