// The facts dossier.intake hands to the procedure's decision tables (processes/CONTRACT.md): the day of receipt
// in Vietnam and what the declaration says about the child and the fee-exempt category (Luật Hộ tịch, Điều 11.1.a).
import { isLocalDate, toLocalDate, type LocalDate } from '../../processes/calendar/local-date';
import type { Dossier } from '../../server/models/Dossier';

export interface DecisionFacts {
  /** The civil day (UTC+7) the dossier was received; absent until it is. */
  receivedOn?: LocalDate;
  /** The declared birth date of the person registered (`child.birthDate`), when it is a real day. */
  childBirthDate?: LocalDate;
  /** The declared fee-exempt category (`feeExemptCategory`: khong, gia-dinh-co-cong, ho-ngheo, nguoi-khuyet-tat). */
  applicantCategory?: string;
}

function field(data: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function decisionFacts(dossier: Pick<Dossier, 'receivedAt' | 'declaration'>): DecisionFacts {
  const data = dossier.declaration.data ?? {};
  const birthDate = field(data, ['child', 'birthDate']);
  const category = field(data, ['feeExemptCategory']);
  return {
    ...(dossier.receivedAt ? { receivedOn: toLocalDate(dossier.receivedAt) } : {}),
    ...(isLocalDate(birthDate) ? { childBirthDate: birthDate } : {}),
    ...(typeof category === 'string' && category !== '' ? { applicantCategory: category } : {}),
  };
}
