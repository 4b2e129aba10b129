// Mẫu 06's data: built on demand from the dossier's steps and hand-overs, never stored.
import type { SlipAgency, SlipApplicant } from '../types';

export type StepResult = 'early' | 'on-time' | 'late';

/** One hand-over row of the control slip: who gives, who receives, when, and how the giver's step ended. */
export interface HandOver {
  fromAgency: string;
  fromPerson?: string;
  toAgency: string;
  toPerson?: string;
  at: Date;
  /** How the step that ends with this hand-over went against its budget; absent for the first hand-over. */
  result?: StepResult;
  note?: string;
}

/** Mẫu 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ. */
export interface ControlSlipData {
  agency: SlipAgency;
  dossierCode: string;
  applicant: SlipApplicant;
  procedureName: string;
  receivedAt: Date;
  appointmentAt: Date;
  leadAgency: string;
  cooperatingAgencies: string[];
  handOvers: HandOver[];
}
