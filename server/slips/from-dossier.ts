// What every slip takes from a dossier besides its own data: the number it prints and who signs it. Only the
// Dossier's shape is used (type import), never the mongoose model. Each slip's own mapping is in
// server/slips/<kind>/from-dossier.ts.
import type { Dossier } from '../models/Dossier';
import type { SlipSigner } from './types';

/** What the slips built on demand (Mẫu 06, 07) read of a dossier: who, what, when, and its steps. */
export type DossierSteps = Pick<
  Dossier,
  | 'code'
  | 'applicant'
  | 'procedure'
  | 'receivedAt'
  | 'submittedAt'
  | 'appointmentAt'
  | 'dueAt'
  | 'stepDeadlines'
>;

/**
 * The number printed on an issued slip: its stored form number ("12/PXL"), or for a slip stored before form
 * numbers were kept, the n of its id `04-<code>-n` (the renderer adds the form's suffix).
 */
export function printedSlipNumber(slip: { number: string; formNumber?: string }): string {
  return slip.formNumber ?? /-(\d+)$/.exec(slip.number)?.[1] ?? slip.number;
}

/** A person who acted on the dossier, as the user accounts hold them. */
export interface ActingUser {
  displayName: string;
  roles: string[];
  groups: string[];
}

/** The signer's title on the forms by what the person does: the head of the agency, or the officer handling it. */
export function signerTitle(user: Pick<ActingUser, 'roles' | 'groups'>): string {
  if (user.roles.includes('leader') || user.groups.includes('lanh-dao')) return 'THỦ TRƯỞNG CƠ QUAN';
  if (user.groups.includes('chuyen-vien')) return 'CÔNG CHỨC XỬ LÝ HỒ SƠ';
  if (user.groups.includes('mot-cua')) return 'CÔNG CHỨC TIẾP NHẬN HỒ SƠ';
  return 'CÁN BỘ XỬ LÝ HỒ SƠ';
}

/** "Lê Quang Hải (lãnh đạo)" → "Lê Quang Hải": the name as signed, without an account's note. */
export const signedName = (displayName: string) => displayName.replace(/\s*\([^)]*\)\s*$/, '').trim();

/**
 * Who signs an apology (04) or a stop notice (05): of the people who acted on the dossier up to the slip's
 * issue, the latest leader (the form's signer is the head of the agency), else the latest officer; their name
 * and title. Undefined when no person acted (the form then keeps its blank signature).
 */
export function actingSigner(
  dossier: Pick<Dossier, 'timeline'>,
  issuedAt: Date,
  users: Map<string, ActingUser>,
): SlipSigner | undefined {
  const acted = dossier.timeline
    .filter((e) => e.actor.kind === 'user' && e.actor.userId && new Date(e.at) <= issuedAt)
    .map((e) => users.get(e.actor.userId!.toString()))
    .filter((u): u is ActingUser => u !== undefined)
    .reverse();
  const signer = acted.find((u) => signerTitle(u) === 'THỦ TRƯỞNG CƠ QUAN') ?? acted[0];
  return signer ? { name: signedName(signer.displayName), title: signerTitle(signer) } : undefined;
}
