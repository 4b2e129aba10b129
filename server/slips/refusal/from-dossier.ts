// Mẫu 03's data from what dossier.refuse stored: the officer's reason.
import type { Dossier } from '../../models/Dossier';
import type { IssuedSlipContext } from '../definition';
import { applicantOf, procedureNameOf, reasonsOf } from '../stored-data';
import type { RefusalSlipData, StoredRefusal } from './data';

export function refusalFromStored(
  stored: StoredRefusal,
  dossier: Dossier,
  context: IssuedSlipContext,
): RefusalSlipData {
  return {
    ...context.heading,
    dossierCode: dossier.code,
    applicant: applicantOf(stored, dossier),
    procedureName: procedureNameOf(stored, dossier),
    reasons: reasonsOf(stored.reason),
    officer: context.officer,
  };
}
