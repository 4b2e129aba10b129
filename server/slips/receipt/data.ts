// Mẫu 01's data (what the form prints) and what dossier.intake stores on the dossier when it issues it.
import type { TimeLimit } from '../../../processes/calendar';
import type { StoredSlipBase } from '../stored-data';
import type { SlipApplicant, SlipHeading, SlipSigner } from '../types';

export interface SlipComponent {
  name: string;
  originals: number;
  copies: number;
  /** "Bản điện tử", "Bản sao chứng thực"… printed in the notes column. */
  note?: string;
}

export type ResultPickup = 'counter' | 'post' | 'online';

/** Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export interface ReceiptSlipData extends SlipHeading {
  dossierCode: string;
  applicant: SlipApplicant;
  procedureName: string;
  components: SlipComponent[];
  sets: number;
  timeLimit: TimeLimit;
  receivedAt: Date;
  appointmentAt: Date;
  resultPickup: ResultPickup;
  /** Where the result is collected or sent, printed after the channel. */
  resultPickupPlace?: string;
  logBook?: { volume: string; line: string };
  /** The citizen's key to the public status lookup, and where to look. */
  lookup?: { code: string; url?: string };
  /** Which copy this is: "Liên 1: Lưu" / "Liên 2: Giao người nộp hồ sơ". */
  copyLabel?: string;
  officer: SlipSigner;
}

/** What dossier.intake stores: every component the procedure lists, marked provided or not. */
export type StoredReceipt = StoredSlipBase & {
  components: { name: string; originals: number; copies: number; provided: boolean }[];
  receivedAt: string;
  /** Absent when the procedure's time limit gives no due date. */
  appointmentAt?: string;
  returnChannel: ResultPickup;
};
