// The one list of slips (Circular 03/2025/TT-VPCP Annex I): each slip's kind (its name in code and URLs of the
// renderer), form number (Mẫu 01…07), the suffix of its printed number and, for the slips a worker issues onto a
// dossier, the timeline action of the issue. Plain data with no PDF code, so the Dossier model and the workers
// read it without loading the renderers; server/slips/index.ts pairs each kind with its renderer.
import type { TimelineAction } from '../../processes/dossier-actions';

export const slipRegistry = [
  { kind: 'receipt', form: '01', suffix: 'TNHS', issuedAction: 'slip.receipt-issued' },
  { kind: 'supplement-request', form: '02', suffix: 'PBSHS', issuedAction: 'slip.supplement-request-issued' },
  { kind: 'refusal', form: '03', suffix: 'TCHS', issuedAction: 'slip.refusal-issued' },
  { kind: 'apology', form: '04', suffix: 'PXL', issuedAction: 'slip.apology-issued' },
  { kind: 'stop-notice', form: '05', suffix: 'TB-DXL', issuedAction: 'slip.stop-notice-issued' },
  // Built on demand from the dossier or the counter's dossiers, never stored.
  { kind: 'control-slip', form: '06' },
  { kind: 'log-book', form: '07' },
] as const satisfies readonly {
  kind: string;
  form: string;
  suffix?: string;
  issuedAction?: TimelineAction;
}[];

type Entry = (typeof slipRegistry)[number];
/** A slip a worker issues onto a dossier (it has a printed number and a timeline action). */
export type IssuedEntry = Extract<Entry, { issuedAction: string }>;
/** The form number of an issued slip, the `kind` stored on the dossier and the first part of the slip's id. */
export type IssuedForm = IssuedEntry['form'];

const isIssued = (entry: Entry): entry is IssuedEntry => 'issuedAction' in entry;

/** The issued slips' form numbers, '01'…'05'. */
export const issuedForms = slipRegistry.filter(isIssued).map((entry) => entry.form) as IssuedForm[];

/** The registry entry of an issued slip by its form number. */
export function issuedSlipEntry(form: IssuedForm): IssuedEntry {
  return slipRegistry.filter(isIssued).find((entry) => entry.form === form)!;
}
