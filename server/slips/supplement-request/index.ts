// Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: issued by dossier.supplement when a dossier is incomplete.
// The slip's entry in server/slips/registry.ts.
import type { IssuedSlipDefinition } from '../definition';
import type { SupplementRequestSlipData, StoredSupplementRequest } from './data';
import { supplementRequestFromStored } from './from-dossier';

export const SUPPLEMENT_REQUEST_TITLE = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ';

export const supplementRequestSlip = {
  kind: 'supplement-request',
  form: '02',
  suffix: 'PBSHS',
  issuedAction: 'slip.supplement-request-issued',
  title: SUPPLEMENT_REQUEST_TITLE,
  toSlipData: supplementRequestFromStored,
  render: (data) => import('./renderer').then((renderer) => renderer.renderSupplementRequestSlip(data)),
} as const satisfies IssuedSlipDefinition<SupplementRequestSlipData, StoredSupplementRequest>;
