// Slips of Circular 03/2025/TT-VPCP Annex I as PDF: renderSlip('receipt', data) → the PDF bytes; an issued
// slip's PDF from what its worker stored on the dossier. Each slip is a folder registered in ./registry.ts.
import type { Dossier, IssuedSlip } from '../models/Dossier';
import type { IssuedSlipContext } from './definition';
import { issuedSlipEntryOfForm, slipRegistry, type SlipDataByKind, type SlipKind } from './registry';
// The PDF code (pdfkit and the shared layout) loads with this module rather than with the first slip drawn; each
// registry entry then loads only its own small renderer on first use.
import './layout';

export * from './types';
export * from './registry';
export type { IssuedSlipContext } from './definition';

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
  const entry = slipRegistry.find((candidate) => candidate.kind === kind);
  if (!entry) return Promise.reject(new Error(`Không có mẫu phiếu cho loại "${String(kind)}"`));
  const render = entry.render as (data: SlipDataByKind[K]) => Promise<Buffer>;
  return render(composed(data));
}

/** An issued slip's PDF: its entry maps what the issuing worker stored, with the dossier and context, to its data. */
export function renderIssuedSlip(
  slip: Pick<IssuedSlip, 'kind' | 'data'>,
  dossier: Dossier,
  context: IssuedSlipContext,
): Promise<Buffer> {
  const entry = issuedSlipEntryOfForm(slip.kind);
  // The store holds what the slip's worker wrote, typed by this entry (StoredSlipDataByKind): read back as such.
  const data = entry.toSlipData(slip.data as never, dossier, context);
  return renderSlip(entry.kind, data);
}
