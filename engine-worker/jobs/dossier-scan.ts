// dossier.scan (Số hóa hồ sơ): each uploaded document (GridFS bucket `documents`) is hashed (SHA-256), its pages
// counted and it is marked digitised; required components with nothing provided go back as missingComponents,
// which the model routes to the supplement path.
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { DossierModel } from '../../server/models/Dossier';
import { changeDossier } from '../../server/domain/dossier-events';
import { effectKey, loadDossier, systemActor } from '../dossier-job';
import type { JobDefinition, WorkerJob } from '../job-handler';
import { missingComponents } from './dossier-intake';

/** Pages of a PDF (its page objects); any other file (an image) is one page. */
export function countPages(content: Buffer, contentType?: string): number {
  if (contentType !== 'application/pdf' && content.subarray(0, 5).toString('latin1') !== '%PDF-') return 1;
  const matches = content.toString('latin1').match(/\/Type\s*\/Page(?!s)/g);
  return Math.max(1, matches?.length ?? 0);
}

async function digest(fileId: string) {
  const db = mongoose.connection.db;
  if (!db) throw new Error('Chưa kết nối kho dữ liệu');
  const bucket = new mongoose.mongo.GridFSBucket(db, { bucketName: 'documents' });
  const [file] = await bucket.find({ _id: new mongoose.Types.ObjectId(fileId) }).toArray();
  if (!file) throw new Error(`Không tìm thấy tệp ${fileId}`);
  const chunks: Buffer[] = [];
  for await (const chunk of bucket.openDownloadStream(file._id)) chunks.push(chunk as Buffer);
  const content = Buffer.concat(chunks);
  const contentType = (file.metadata as { contentType?: string } | undefined)?.contentType;
  return {
    sha256: createHash('sha256').update(content).digest('hex'),
    pages: countPages(content, contentType),
  };
}

async function scan(job: WorkerJob) {
  const dossier = await loadDossier(job);
  const documents = [];
  for (const document of dossier.documents) {
    if (!document.fileIds.length || document.digitised) {
      documents.push(document);
      continue;
    }
    const digests = await Promise.all(document.fileIds.map(digest));
    const hash = createHash('sha256');
    for (const d of digests) hash.update(d.sha256);
    documents.push({
      ...document,
      digitised: true,
      sha256: digests.length === 1 ? digests[0]!.sha256 : hash.digest('hex'),
      pages: digests.reduce((total, d) => total + d.pages, 0),
    });
  }
  const key = effectKey(job, 'scan');
  // Documents and the timeline event in one update, applied once.
  await DossierModel.updateOne({ _id: dossier._id, 'timeline.key': { $ne: key } }, { $set: { documents } });
  await changeDossier(dossier._id, {
    event: {
      actor: systemActor,
      action: 'dossier.digitised',
      key,
      elementId: job.elementId,
      note: `${documents.filter((d) => d.digitised).length}/${documents.length} thành phần đã số hóa`,
    },
  });
  return { missingComponents: missingComponents({ ...dossier, documents }) };
}

export const scanJob: JobDefinition = { type: 'dossier.scan', handler: scan };
