// Slips of Circular 03/2025/TT-VPCP Annex I as PDF: renderSlip('receipt', data) → the PDF bytes.
import { renderReceiptSlip } from './receipt';
import type { SlipDataByKind, SlipKind } from './types';

export * from './types';

const renderers: { [K in SlipKind]?: (data: SlipDataByKind[K]) => Promise<Buffer> } = {
  receipt: renderReceiptSlip,
};

export function renderSlip<K extends SlipKind>(kind: K, data: SlipDataByKind[K]): Promise<Buffer> {
  const render = renderers[kind] as ((data: SlipDataByKind[K]) => Promise<Buffer>) | undefined;
  if (!render) return Promise.reject(new Error(`Không có mẫu phiếu cho loại "${kind}"`));
  return render(data);
}
