// Mẫu 07's data: the counter's dossiers of a period, built on demand, never stored.
import type { SlipAgency, SlipApplicant } from '../types';

/** One line of the log book. */
export interface LogBookEntry {
  dossierCode: string;
  procedureName: string;
  sets: number;
  applicant: SlipApplicant;
  leadAgency: string;
  receivedAt: Date;
  appointmentAt: Date;
  /** Hand-over to the agency that resolves it. */
  transferredAt?: Date;
  resolvedAt?: Date;
  /** "Yêu cầu bổ sung", "Từ chối"… when the dossier left without a result. */
  outcome?: string;
  returnedAt?: Date;
  note?: string;
}

/** Mẫu 07 — Sổ theo dõi hồ sơ. */
export interface LogBookData {
  agency: SlipAgency;
  /** e.g. "Quyển số 03" */
  volume?: string;
  from: Date;
  to: Date;
  entries: LogBookEntry[];
}
