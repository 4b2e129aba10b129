// Mẫu 04's data (what the form prints) and what dossier.deadline (action overdue) stores on the dossier.
import type { StoredSlipBase } from '../stored-data';
import type { SlipApplicant, SlipHeading, SlipSigner } from '../types';

/** Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả (2025: apology and extension request). */
export interface ApologySlipData extends SlipHeading {
  dossierCode: string;
  applicant: SlipApplicant;
  procedureName: string;
  receivedAt: Date;
  originalAppointmentAt: Date;
  reason: string;
  newAppointmentAt: Date;
  /** Working days of extension asked for (2025 form). */
  extensionDays?: number;
  signer: SlipSigner;
}

/** What dossier.deadline stores when the appointment is missed: the appointment moved from and to. */
export type StoredApology = StoredSlipBase & {
  receivedAt?: string;
  previousAppointmentAt?: string;
  newAppointmentAt: string;
  reason: string;
};
