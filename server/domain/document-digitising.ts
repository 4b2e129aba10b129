// Digitising (số hóa) a dossier's documents: each component entry with files not yet digitised has its files read
// from the GridFS bucket `documents`, hashed (SHA-256), its pages counted, and is marked digitised, with one
// keyed timeline event in the same update. Used by the dossier.scan step, again when a supplement arrives
// (dossier.deadline resume) and by an upload made after the dossier was scanned.
import { createHash } from 'node:crypto';
import type { Types } from 'mongoose';
import { DossierModel, type DossierDocument, type WrittenTimelineEvent } from '../models/Dossier';
import { documentBucket, dossierFile, type DocumentFileMetadata } from './document-files';
import { changeDossier } from './dossier-events';
import { inspectPdf } from './pdf-inspection';

/**
 * Pages of a stored file: as the PDF parser counted them at upload; for a file stored before uploads were
 * parsed, parsed now (0 when it does not parse: its pages are not known); an image is one page.
 */
async function pagesOf(content: Buffer, metadata: DocumentFileMetadata): Promise<number> {
  if (metadata.pages !== undefined) return metadata.pages;
  if (content.subarray(0, 5).toString('latin1') !== '%PDF-') return 1;
  const pdf = await inspectPdf(content);
  return pdf.ok ? pdf.pages : 0;
}

/** Only a file uploaded for this dossier and component is read: an id listed any other way is not its file. */
async function digest(dossierCode: string, component: string, fileId: string) {
  const stored = await dossierFile(dossierCode, fileId, component);
  if (!stored) throw new Error(`Không tìm thấy tệp ${fileId} của hồ sơ ${dossierCode} (${component})`);
  const chunks: Buffer[] = [];
  for await (const chunk of documentBucket().openDownloadStream(stored.file._id))
    chunks.push(chunk as Buffer);
  const content = Buffer.concat(chunks);
  return {
    sha256: createHash('sha256').update(content).digest('hex'),
    pages: await pagesOf(content, stored.metadata),
  };
}

async function digitised(dossierCode: string, document: DossierDocument): Promise<DossierDocument> {
  if (!document.fileIds.length || document.digitised) return document;
  const digests = await Promise.all(
    document.fileIds.map((fileId) => digest(dossierCode, document.component, fileId)),
  );
  const hash = createHash('sha256');
  for (const d of digests) hash.update(d.sha256);
  return {
    ...document,
    digitised: true,
    sha256: digests.length === 1 ? digests[0]!.sha256 : hash.digest('hex'),
    pages: digests.reduce((total, d) => total + d.pages, 0),
  };
}

/**
 * Digitises what is not yet digitised and appends `event` (with its count note) in one update, applied once per
 * event key. The update is guarded by the dossier's `updatedAt`, so a concurrent upload is never overwritten:
 * on a change in between, the documents are read and digested again. Returns the documents as stored.
 */
export async function digitiseDocuments(
  dossierId: Types.ObjectId,
  event: Omit<WrittenTimelineEvent, 'at' | 'note' | 'status'> & { key: string },
): Promise<DossierDocument[]> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await DossierModel.findById(dossierId, {
      code: 1,
      documents: 1,
      updatedAt: 1,
      timeline: 1,
    }).lean();
    if (!current) throw new Error(`Không tìm thấy hồ sơ ${dossierId.toHexString()}`);
    if (current.timeline.some((e) => e.key === event.key)) return current.documents;
    const documents = await Promise.all(current.documents.map((d) => digitised(current.code, d)));
    const done = documents.filter((d) => d.digitised).length;
    const changed = await changeDossier(dossierId, {
      event: { ...event, note: `${done}/${documents.length} thành phần đã số hóa` },
      set: { documents },
      guard: { updatedAt: current.updatedAt },
      keepHealth: true,
    });
    if (changed) return changed.documents;
  }
  throw new Error(`Hồ sơ ${dossierId.toHexString()} thay đổi liên tục: chưa số hóa được, sẽ thử lại`);
}
