// Mẫu 02's data from what dossier.supplement stored: the items asked for, the contact point of the issuing agency.
import type { Dossier } from '../../models/Dossier';
import type { IssuedSlipContext } from '../definition';
import { applicantOf, procedureNameOf } from '../stored-data';
import type { StoredSupplementRequest, SupplementRequestSlipData } from './data';

export function supplementRequestFromStored(
  stored: StoredSupplementRequest,
  dossier: Dossier,
  context: IssuedSlipContext,
): SupplementRequestSlipData {
  const agency = context.issuingAgency;
  return {
    ...context.heading,
    dossierCode: dossier.code,
    applicant: applicantOf(stored, dossier),
    procedureName: procedureNameOf(stored, dossier),
    items: (Array.isArray(stored.missing) ? stored.missing : []).map((m) => ({ content: String(m) })),
    ...(stored.reason ? { reason: stored.reason } : {}),
    contact: {
      name: agency?.name ?? context.heading.agency.name,
      ...(agency?.address ? { place: agency.address } : {}),
    },
    officer: context.officer,
  };
}
