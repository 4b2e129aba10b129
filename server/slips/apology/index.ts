// Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả: issued by dossier.deadline (action overdue).
// The slip's entry in server/slips/registry.ts.
import type { IssuedSlipDefinition } from '../definition';
import type { ApologySlipData, StoredApology } from './data';
import { apologyFromStored } from './from-dossier';

export const APOLOGY_TITLE = 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ';

export const apologySlip = {
  kind: 'apology',
  form: '04',
  suffix: 'PXL',
  issuedAction: 'slip.apology-issued',
  title: APOLOGY_TITLE,
  toSlipData: apologyFromStored,
  render: (data) => import('./renderer').then((renderer) => renderer.renderApologySlip(data)),
} as const satisfies IssuedSlipDefinition<ApologySlipData, StoredApology>;
