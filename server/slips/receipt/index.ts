// Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả: issued by dossier.intake when the counter accepts a dossier.
// The slip's entry in server/slips/registry.ts.
import type { IssuedSlipDefinition } from '../definition';
import type { ReceiptSlipData, StoredReceipt } from './data';
import { receiptFromStored } from './from-dossier';

export const RECEIPT_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';

export const receiptSlip = {
  kind: 'receipt',
  form: '01',
  suffix: 'TNHS',
  issuedAction: 'slip.receipt-issued',
  title: RECEIPT_TITLE,
  toSlipData: receiptFromStored,
  render: (data) => import('./renderer').then((renderer) => renderer.renderReceiptSlip(data)),
} as const satisfies IssuedSlipDefinition<ReceiptSlipData, StoredReceipt>;
