// Issues a slip (Circular 03/2025/TT-VPCP Annex I) on the dossier: its number and the data the PDF is rendered
// from are stored with the timeline event in one update, keyed by the job, so a retried job issues it once.
import { changeDossier, type DossierChange } from '../server/domain/dossier-events';
import type { Dossier, IssuedSlip } from '../server/models/Dossier';
import { systemActor } from './dossier-job';

const slipActions: Record<IssuedSlip['kind'], string> = {
  '01': 'slip.receipt-issued',
  '02': 'slip.supplement-request-issued',
  '03': 'slip.refusal-issued',
  '04': 'slip.apology-issued',
  '05': 'slip.stop-notice-issued',
};

export function slipNumber(dossier: Pick<Dossier, 'code' | 'slips'>, kind: IssuedSlip['kind']): string {
  const issued = (dossier.slips ?? []).filter((s) => s.kind === kind).length;
  return `${kind}-${dossier.code}-${issued + 1}`;
}

/** The slip plus whatever else the same step changes (status, dates), as one keyed dossier change. */
export async function issueSlip(
  dossier: Dossier,
  kind: IssuedSlip['kind'],
  key: string,
  data: Record<string, unknown>,
  change: Omit<DossierChange, 'event'> & { elementId?: string; note?: string; action?: string } = {},
): Promise<Dossier | null> {
  const { elementId, note, action, push, ...rest } = change;
  const slip: IssuedSlip = { kind, number: slipNumber(dossier, kind), key, issuedAt: new Date(), data };
  return changeDossier(dossier._id, {
    ...rest,
    event: {
      actor: systemActor,
      action: action ?? slipActions[kind],
      key,
      ...(elementId ? { elementId } : {}),
      ...(note ? { note } : {}),
      agencyCode: dossier.receivingAgencyCode,
    },
    push: { ...push, slips: slip },
  });
}
