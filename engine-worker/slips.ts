// Issues a slip (Circular 03/2025/TT-VPCP Annex I) on the dossier: its number and the data the PDF is rendered
// from are stored with the timeline event in one update, keyed by the job, so a retried job issues it once.
// The printed number ("Số: 12/PXL") is the issuing agency's running number of the form in the year.
import type { TimelineAction } from '../processes/dossier-actions';
import { changeDossier, type DossierChange } from '../server/domain/dossier-events';
import type { Dossier, IssuedSlip, TimelineEvent } from '../server/models/Dossier';
import { SlipCounterModel } from '../server/models/SlipCounter';
import { issuedSlipEntry } from '../server/slips/registry';
import { formSlipNumber } from '../server/slips/wording';

/** The slip's id in its URL: `<form>-<dossier code>-<n-th of that form on the dossier>`. */
export function slipNumber(dossier: Pick<Dossier, 'code' | 'slips'>, kind: IssuedSlip['kind']): string {
  const issued = (dossier.slips ?? []).filter((s) => s.kind === kind).length;
  return `${kind}-${dossier.code}-${issued + 1}`;
}

/**
 * The next printed number of the form for the agency, in the year (Vietnam time) of `at`. A job killed after
 * taking a number and before storing the slip leaves a gap, never a duplicate.
 */
export async function nextFormNumber(
  agencyCode: string,
  kind: IssuedSlip['kind'],
  at: Date,
): Promise<string> {
  const year = new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();
  const counter = await SlipCounterModel.findOneAndUpdate(
    { _id: `${agencyCode}|${kind}|${year}` },
    { $inc: { seq: 1 } },
    { upsert: true, returnDocument: 'after', lean: true },
  );
  return formSlipNumber(counter!.seq, kind);
}

/** The slip plus whatever else the same step changes (status, dates), as one keyed dossier change. */
export async function issueSlip(
  dossier: Dossier,
  kind: IssuedSlip['kind'],
  key: string,
  data: Record<string, unknown>,
  change: Omit<DossierChange, 'event'> & {
    actor: TimelineEvent['actor'];
    elementId?: string;
    note?: string;
    action?: TimelineAction;
  },
): Promise<Dossier | null> {
  const { actor, elementId, note, action, push, ...rest } = change;
  const issuedAt = new Date();
  // A redelivered job whose slip is already stored takes no new number; the keyed change below applies nothing.
  const stored = (dossier.slips ?? []).find((s) => s.key === key);
  const formNumber =
    stored?.formNumber ?? (await nextFormNumber(dossier.receivingAgencyCode, kind, issuedAt));
  const slip: IssuedSlip = { kind, number: slipNumber(dossier, kind), formNumber, key, issuedAt, data };
  return changeDossier(dossier._id, {
    ...rest,
    event: {
      actor,
      action: action ?? issuedSlipEntry(kind).issuedAction,
      key,
      ...(elementId ? { elementId } : {}),
      ...(note ? { note } : {}),
      agencyCode: dossier.receivingAgencyCode,
    },
    push: { ...push, slips: slip },
  });
}
