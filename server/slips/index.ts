// Slips of Circular 03/2025/TT-VPCP Annex I as PDF: renderSlip('receipt', data) → the PDF bytes.
import { renderApologySlip } from './apology';
import { renderControlSlip } from './control-slip';
import { renderLogBook } from './log-book';
import { renderReceiptSlip } from './receipt';
import { renderRefusalSlip } from './refusal';
import { renderStopNotice } from './stop-notice';
import { renderSupplementRequestSlip } from './supplement-request';
import { slipRegistry } from './registry';
import type { SlipDataByKind, SlipKind } from './types';

export * from './types';
export * from './registry';

const renderers: { [K in SlipKind]: (data: SlipDataByKind[K]) => Promise<Buffer> } = {
  receipt: renderReceiptSlip,
  'supplement-request': renderSupplementRequestSlip,
  refusal: renderRefusalSlip,
  apology: renderApologySlip,
  'stop-notice': renderStopNotice,
  'control-slip': renderControlSlip,
  'log-book': renderLogBook,
};

/** The form number of Circular 03/2025/TT-VPCP Annex I for each kind. */
export const slipFormNumbers = Object.fromEntries(
  slipRegistry.map((entry) => [entry.kind, entry.form]),
) as Record<SlipKind, string>;

export const slipKinds: SlipKind[] = slipRegistry.map((entry) => entry.kind);

// Text typed on some keyboards or pasted from old documents arrives decomposed (NFD: "e" + combining marks);
// the font has the precomposed letters, so every string is composed before drawing.
function composed<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(composed) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, composed(inner)])) as T;
  }
  return value;
}

export function renderSlip<K extends SlipKind>(kind: K, data: SlipDataByKind[K]): Promise<Buffer> {
  const render = renderers[kind] as ((data: SlipDataByKind[K]) => Promise<Buffer>) | undefined;
  if (!render) return Promise.reject(new Error(`Không có mẫu phiếu cho loại "${String(kind)}"`));
  return render(composed(data));
}
