// Mẫu 03's data (what the form prints) and what dossier.refuse stores on the dossier when it issues it.
import type { StoredSlipBase } from '../stored-data';
import type { SlipApplicant, SlipHeading, SlipSigner } from '../types';

/** Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export interface RefusalSlipData extends SlipHeading {
  dossierCode?: string;
  applicant: SlipApplicant;
  procedureName: string;
  reasons: string[];
  officer: SlipSigner;
}

/** What dossier.refuse stores when it refuses (kind=refuse); a stop notice stores the same. */
export type StoredRefusal = StoredSlipBase & { receivedAt: string; reason: string };
