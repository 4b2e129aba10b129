// Issues a slip (Circular 03/2025/TT-VPCP Annex I) on the dossier: its number and the data the PDF is rendered
// from are stored with the timeline event in one update, keyed by the job, so a retried job issues it once.
// The printed number ("Số: 12/PXL") is the issuing agency's running number of the form in the year.
import { toLocalDate } from '../processes/calendar/local-date';
import type { TimelineAction } from '../processes/dossier-actions';
import { changeDossier, type DossierChange } from '../server/domain/dossier-events';
import type { Dossier, IssuedSlip, TimelineEvent } from '../server/models/Dossier';
import { SlipCounterModel } from '../server/models/SlipCounter';
import {
  issuedSlipEntry,
  type IssuedForm,
  type IssuedKind,
  type StoredSlipDataByKind,
} from '../server/slips/registry';
import { formSlipNumber } from '../server/slips/wording';

/** The slip's id in its URL: `<form>-<dossier code>-<n-th of that form on the dossier>`. */
export function slipNumber(dossier: Pick<Dossier, 'code' | 'slips'>, form: IssuedForm): string {
  const issued = (dossier.slips ?? []).filter((s) => s.kind === form).length;
  return `${form}-${dossier.code}-${issued + 1}`;
}

/**
 * The next printed number of the form for the agency, in the year (Vietnam time) of `at`. A job killed after
 * taking a number and before storing the slip leaves a gap, never a duplicate.
 */
export async function nextFormNumber(agencyCode: string, form: IssuedForm, at: Date): Promise<string> {
  const year = toLocalDate(at).slice(0, 4);
  const counter = await SlipCounterModel.findOneAndUpdate(
    { _id: `${agencyCode}|${form}|${year}` },
    { $inc: { seq: 1 } },
    { upsert: true, returnDocument: 'after', lean: true },
  );
  return formSlipNumber(counter!.seq, form);
}

/**
 * The slip plus whatever else the same step changes (status, dates), as one keyed dossier change. The slip is
 * named by its kind; the dossier stores its form number ('01'…'05') as its `kind`, in its id and its counter.
 */
export async function issueSlip<K extends IssuedKind>(
  dossier: Dossier,
  kind: K,
  key: string,
  data: StoredSlipDataByKind[K],
  change: Omit<DossierChange, 'event'> & {
    actor: TimelineEvent['actor'];
    elementId?: string;
    note?: string;
    action?: TimelineAction;
  },
): Promise<Dossier | null> {
  const { actor, elementId, note, action, push, ...rest } = change;
  const entry = issuedSlipEntry(kind);
  const issuedAt = new Date();
  // A redelivered job whose slip is already stored takes no new number; the keyed change below applies nothing.
  const stored = (dossier.slips ?? []).find((s) => s.key === key);
  const formNumber =
    stored?.formNumber ?? (await nextFormNumber(dossier.receivingAgencyCode, entry.form, issuedAt));
  const slip: IssuedSlip = {
    kind: entry.form,
    number: slipNumber(dossier, entry.form),
    formNumber,
    key,
    issuedAt,
    data,
  };
  return changeDossier(dossier._id, {
    ...rest,
    event: {
      actor,
      action: action ?? entry.issuedAction,
      key,
      ...(elementId ? { elementId } : {}),
      ...(note ? { note } : {}),
      agencyCode: dossier.receivingAgencyCode,
    },
    push: { ...push, slips: slip },
  });
}
