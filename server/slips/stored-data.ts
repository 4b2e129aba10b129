// What every worker that issues a slip (Mẫu 01–05) stores with it on the dossier, and the readers the slips'
// mappings share. Stored data is JSON: instants are ISO strings. Records stored before a field existed lack
// it, so the readers fall back to the dossier.
import type { Dossier } from '../models/Dossier';
import type { SlipApplicant } from './types';

export type StoredSlipBase = {
  /** The issuing agency (the dossier's receiving agency at the issue). */
  agencyCode: string;
  dossierCode: string;
  applicant: Dossier['applicant'];
  procedure: { code: string; name: string };
};

/** A stored ISO instant, or undefined when it is missing or blank. */
export const instantOf = (value: string | undefined): Date | undefined =>
  value ? new Date(value) : undefined;

/** The applicant as stored at the issue, each missing line taken from the dossier. */
export function applicantOf(
  stored: Partial<StoredSlipBase>,
  dossier: Pick<Dossier, 'applicant'>,
): SlipApplicant {
  const given: Partial<SlipApplicant> = stored.applicant ?? {};
  const name = given.name || dossier.applicant.name;
  const address = given.address || dossier.applicant.address;
  const phone = given.phone || dossier.applicant.phone;
  const email = given.email || dossier.applicant.email;
  return {
    name,
    ...(address ? { address } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
  };
}

export const procedureNameOf = (
  stored: Partial<StoredSlipBase>,
  dossier: Pick<Dossier, 'procedure'>,
): string => stored.procedure?.name || dossier.procedure.name;

/** When the dossier was received: as stored, else as the dossier holds it. */
export const receivedAtOf = (
  stored: { receivedAt?: string },
  dossier: Pick<Dossier, 'receivedAt' | 'submittedAt'>,
): Date => instantOf(stored.receivedAt) ?? dossier.receivedAt ?? dossier.submittedAt;

/** The one stored reason as the form's list of reasons (none when blank). */
export const reasonsOf = (reason: string | undefined): string[] => (reason ? [reason] : []);
