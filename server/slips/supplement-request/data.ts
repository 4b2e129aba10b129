// Mẫu 02's data (what the form prints) and what dossier.supplement stores on the dossier when it issues it.
import type { StoredSlipBase } from '../stored-data';
import type { SlipApplicant, SlipHeading, SlipSigner } from '../types';

/** Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export interface SupplementRequestSlipData extends SlipHeading {
  dossierCode: string;
  applicant: SlipApplicant;
  procedureName: string;
  /** Each item to add or complete, with its reason. */
  items: { content: string; reason?: string }[];
  /** A general reason when the items do not carry one. */
  reason?: string;
  contact: { name: string; phone?: string; place?: string };
  /** When the supplement is due, if the procedure sets a limit. */
  supplyBy?: Date;
  officer: SlipSigner;
}

/** What dossier.supplement stores: the names of the components asked for, and the officer's reason ('' if none). */
export type StoredSupplementRequest = StoredSlipBase & {
  missing: string[];
  reason: string;
  requestedAt: string;
};
