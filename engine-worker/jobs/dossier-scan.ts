// dossier.scan (Số hóa hồ sơ): each uploaded document (GridFS bucket `documents`) is hashed (SHA-256), its pages
// counted and it is marked digitised (server/domain/document-digitising); required components with nothing
// provided go back as missingComponents, which the model routes to the supplement path. Documents that arrive
// later are digitised by the supplement's resume step (dossier.deadline) or on upload.
import { digitiseDocuments } from '../../server/domain/document-digitising';
import { effectKey, jobActor, loadDossier } from '../dossier-job';
import type { JobDefinition, WorkerJob } from '../job-handler';
import { missingComponents } from './dossier-intake';

async function scan(job: WorkerJob) {
  const dossier = await loadDossier(job);
  const documents = await digitiseDocuments(dossier._id, {
    actor: await jobActor(job, dossier),
    action: 'dossier.digitised',
    key: effectKey(job, 'scan'),
    elementId: job.elementId,
  });
  return { missingComponents: missingComponents({ ...dossier, documents }) };
}

export const scanJob: JobDefinition = { type: 'dossier.scan', handler: scan };
