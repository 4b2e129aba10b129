// A file added after the dossier was scanned (dossier.scan already ran) is digitised at once, as the scan step
// would have done; before the scan, the scan step itself digitises it.
import type { AuthUser } from '../auth/caller';
import { DossierModel } from '../models/Dossier';
import { digitiseDocuments } from './document-digitising';

export async function digitiseIfAlreadyScanned(user: AuthUser, code: string, fileId: string): Promise<void> {
  const scanned = await DossierModel.findOne(
    { code, 'timeline.action': 'dossier.digitised' },
    { _id: 1 },
  ).lean();
  if (!scanned) return;
  await digitiseDocuments(scanned._id, {
    actor: { kind: 'user', userId: user.id, username: user.username },
    action: 'dossier.digitised',
    key: `upload:${fileId}:scan`,
    ...(user.agency ? { agency: user.agency.id, agencyCode: user.agency.code } : {}),
  });
}
