// Mẫu 05's data from what dossier.refuse (kind=stop) stored: the reason for stopping.
import type { Dossier } from '../../models/Dossier';
import type { IssuedSlipContext } from '../definition';
import { applicantOf, procedureNameOf, reasonsOf, receivedAtOf } from '../stored-data';
import type { StopNoticeData, StoredStopNotice } from './data';

export function stopNoticeFromStored(
  stored: StoredStopNotice,
  dossier: Dossier,
  context: IssuedSlipContext,
): StopNoticeData {
  return {
    ...context.heading,
    dossierCode: dossier.code,
    applicant: applicantOf(stored, dossier),
    procedureName: procedureNameOf(stored, dossier),
    receivedAt: receivedAtOf(stored, dossier),
    reasons: reasonsOf(stored.reason),
    signer: context.signer,
  };
}
