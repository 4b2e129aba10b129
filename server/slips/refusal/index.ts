// Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ: issued by dossier.refuse (kind=refuse).
// The slip's entry in server/slips/registry.ts.
import type { IssuedSlipDefinition } from '../definition';
import type { RefusalSlipData, StoredRefusal } from './data';
import { refusalFromStored } from './from-dossier';

export const REFUSAL_TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ';

export const refusalSlip = {
  kind: 'refusal',
  form: '03',
  suffix: 'TCHS',
  issuedAction: 'slip.refusal-issued',
  title: REFUSAL_TITLE,
  toSlipData: refusalFromStored,
  render: (data) => import('./renderer').then((renderer) => renderer.renderRefusalSlip(data)),
} as const satisfies IssuedSlipDefinition<RefusalSlipData, StoredRefusal>;
