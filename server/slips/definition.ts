// What a slip declares in its folder's index.ts (server/slips/<kind>/index.ts), the entry registry.ts lists:
// its kind, form number and title, how it is rendered and, for a slip a worker issues onto a dossier, its
// printed number's suffix, the timeline action of the issue and the mapping from what the worker stored.
import type { TimelineAction } from '../../processes/dossier-actions';
import type { Dossier } from '../models/Dossier';
import type { SlipHeading, SlipSigner } from './types';

export interface SlipDefinition<Data> {
  /** The slip's name in code: its folder, its key in the registry, the `kind` of `renderSlip`. */
  kind: string;
  /** Its form number in Circular 03/2025/TT-VPCP Annex I (Mẫu 01…07): the legal attribute, what a dossier stores. */
  form: string;
  /** The form's title as printed. */
  title: string;
  /**
   * The PDF of the slip. The entry loads its renderer on first use (`import('./renderer')`), so the registry,
   * and the Dossier model and workers that import it, never load pdfkit.
   */
  render: (data: Data) => Promise<Buffer>;
}

/** What an issued slip's mapping gets besides its stored data and the dossier: what neither of them holds. */
export interface IssuedSlipContext {
  /** The agency header, the printed number, the place and the instant of the issue. */
  heading: SlipHeading;
  /** The issuing agency as registered, when it is found: its name and address for the contact and pickup lines. */
  issuingAgency?: { name: string; address?: string };
  /** The officer who received the dossier: signs Mẫu 01–03. */
  officer: SlipSigner;
  /** The leader or officer who acted on the dossier up to the issue: signs Mẫu 04 and 05. */
  signer: SlipSigner;
}

/** A slip a worker issues onto a dossier (Mẫu 01–05): numbered, stored with its data, printed again from it. */
export interface IssuedSlipDefinition<Data, Stored> extends SlipDefinition<Data> {
  /** After the running number: "Số: 12/PXL". */
  suffix: string;
  /** The timeline action of the issue, unless the issuing worker names its own. */
  issuedAction: TimelineAction;
  /** The slip's data from what its worker stored (`Stored`) and the dossier, when it is printed. */
  toSlipData: (stored: Stored, dossier: Dossier, context: IssuedSlipContext) => Data;
}
