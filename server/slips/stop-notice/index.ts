// Mẫu 05 — Thông báo dừng xử lý hồ sơ: issued by dossier.refuse (kind=stop).
// The slip's entry in server/slips/registry.ts.
import type { IssuedSlipDefinition } from '../definition';
import type { StopNoticeData, StoredStopNotice } from './data';
import { stopNoticeFromStored } from './from-dossier';

export const STOP_NOTICE_TITLE = 'THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ';

export const stopNotice = {
  kind: 'stop-notice',
  form: '05',
  suffix: 'TB-DXL',
  issuedAction: 'slip.stop-notice-issued',
  title: STOP_NOTICE_TITLE,
  toSlipData: stopNoticeFromStored,
  render: (data) => import('./renderer').then((renderer) => renderer.renderStopNotice(data)),
} as const satisfies IssuedSlipDefinition<StopNoticeData, StoredStopNotice>;
