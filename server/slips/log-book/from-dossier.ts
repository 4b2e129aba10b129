// One line of Mẫu 07 from a dossier the counter received.
import type { Dossier } from '../../models/Dossier';
import type { DossierSteps } from '../from-dossier';
import type { LogBookEntry } from './data';

type LogBookSource = DossierSteps & Pick<Dossier, 'status' | 'resolvedAt' | 'returnedAt'>;

const outcomeByStatus: Partial<Record<number, string>> = {
  3: 'Từ chối tiếp nhận',
  5: 'Yêu cầu bổ sung',
  7: 'Rút hồ sơ',
  8: 'Dừng xử lý',
};

export function logBookEntryFromDossier(dossier: LogBookSource, leadAgency: string): LogBookEntry {
  const receivedAt = dossier.receivedAt ?? dossier.submittedAt;
  const firstStep = [...dossier.stepDeadlines].sort(
    (a, b) => a.startedAt.getTime() - b.startedAt.getTime(),
  )[0];
  const outcome = outcomeByStatus[dossier.status];
  return {
    dossierCode: dossier.code,
    procedureName: dossier.procedure.name,
    sets: 1,
    applicant: {
      name: dossier.applicant.name,
      address: dossier.applicant.address,
      phone: dossier.applicant.phone,
    },
    leadAgency,
    receivedAt,
    appointmentAt: dossier.appointmentAt ?? dossier.dueAt ?? receivedAt,
    ...(firstStep ? { transferredAt: firstStep.startedAt } : {}),
    ...(dossier.resolvedAt ? { resolvedAt: dossier.resolvedAt } : {}),
    ...(outcome ? { outcome } : {}),
    ...(dossier.returnedAt ? { returnedAt: dossier.returnedAt } : {}),
  };
}
