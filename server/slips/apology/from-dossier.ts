// Mẫu 04's data from what dossier.deadline stored: the missed appointment, the new one and the reason.
import type { Dossier } from '../../models/Dossier';
import type { IssuedSlipContext } from '../definition';
import { applicantOf, instantOf, procedureNameOf, receivedAtOf } from '../stored-data';
import type { ApologySlipData, StoredApology } from './data';

export function apologyFromStored(
  stored: StoredApology,
  dossier: Dossier,
  context: IssuedSlipContext,
): ApologySlipData {
  const receivedAt = receivedAtOf(stored, dossier);
  return {
    ...context.heading,
    dossierCode: dossier.code,
    applicant: applicantOf(stored, dossier),
    procedureName: procedureNameOf(stored, dossier),
    receivedAt,
    originalAppointmentAt: instantOf(stored.previousAppointmentAt) ?? dossier.dueAt ?? receivedAt,
    reason: stored.reason || '',
    newAppointmentAt: instantOf(stored.newAppointmentAt) ?? dossier.appointmentAt ?? receivedAt,
    signer: context.signer,
  };
}
