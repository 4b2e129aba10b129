// Mẫu 05's data (what the form prints) and what dossier.refuse (kind=stop) stores on the dossier.
import type { StoredSlipBase } from '../stored-data';
import type { SlipApplicant, SlipHeading, SlipSigner } from '../types';

/** Mẫu 05 — Thông báo dừng xử lý hồ sơ. */
export interface StopNoticeData extends SlipHeading {
  dossierCode: string;
  applicant: SlipApplicant;
  procedureName: string;
  receivedAt: Date;
  reasons: string[];
  /** The legal ground, e.g. "khoản 2 Điều 19 Nghị định số 118/2025/NĐ-CP". */
  legalBasis?: string;
  /** What happens to the papers and fees already paid. */
  dossierHandling?: string;
  signer: SlipSigner;
}

/** What dossier.refuse stores when it stops a dossier (kind=stop). */
export type StoredStopNotice = StoredSlipBase & { receivedAt: string; reason: string };
