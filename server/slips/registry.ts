// The one list of slips (Circular 03/2025/TT-VPCP Annex I). Each slip is a folder server/slips/<kind>/ whose
// index.ts is its entry (server/slips/definition.ts): kind (its name in code), form number (Mẫu 01…07, the
// legal attribute a dossier stores), title, renderer and, for the slips a worker issues onto a dossier, the
// suffix of its printed number, the timeline action of the issue and the mapping from what the worker stored.
// The entries load their renderers on first use, so the Dossier model and the workers read this list without
// loading pdfkit (tests/server/slips/registry.unit.test.ts).
import { apologySlip } from './apology';
import { controlSlip } from './control-slip';
import { logBook } from './log-book';
import { receiptSlip } from './receipt';
import { refusalSlip } from './refusal';
import { stopNotice } from './stop-notice';
import { supplementRequestSlip } from './supplement-request';

export const slipRegistry = [
  receiptSlip,
  supplementRequestSlip,
  refusalSlip,
  apologySlip,
  stopNotice,
  // Built on demand from the dossier or the counter's dossiers, never stored.
  controlSlip,
  logBook,
] as const;

type Entry = (typeof slipRegistry)[number];
export type SlipKind = Entry['kind'];
/** Each slip's data, what its renderer draws. */
export type SlipDataByKind = { [E in Entry as E['kind']]: Parameters<E['render']>[0] };

/** A slip a worker issues onto a dossier (it has a printed number and a timeline action). */
export type IssuedEntry = Extract<Entry, { issuedAction: string }>;
export type IssuedKind = IssuedEntry['kind'];
/** The form number of an issued slip, the `kind` stored on the dossier and the first part of the slip's id. */
export type IssuedForm = IssuedEntry['form'];
/** What the worker issuing each slip stores on the dossier, and what the slip's mapping reads back. */
export type StoredSlipDataByKind = { [E in IssuedEntry as E['kind']]: Parameters<E['toSlipData']>[0] };

const isIssued = (entry: Entry): entry is IssuedEntry => 'issuedAction' in entry;
const issuedEntries = slipRegistry.filter(isIssued);

/**
 * The issued slips' form numbers, '01'…'05' (each an IssuedForm). Declared as strings: the Dossier schema lists
 * them, and the entries read the Dossier type, which TypeScript would otherwise infer from this very list.
 */
export const issuedForms: readonly string[] = issuedEntries.map((entry) => entry.form);

/** The registry entry of an issued slip by its kind. */
export function issuedSlipEntry(kind: IssuedKind): IssuedEntry {
  return issuedEntries.find((entry) => entry.kind === kind)!;
}

/** The registry entry of an issued slip by its form number, as the dossier stores it (`slips[].kind`). */
export function issuedSlipEntryOfForm(form: IssuedForm): IssuedEntry {
  return issuedEntries.find((entry) => entry.form === form)!;
}
