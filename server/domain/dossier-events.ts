// The one place a dossier changes after submission: each change appends its timeline event and sets the
// fields it derives (status, dates, current agency) in the same single-document update, so the timeline and
// the stored copies never disagree. Workers, routes and domain services call this; none writes a dossier directly.
// A change also clears the dossier's machine-health mark once the dossier has moved on (see healthClearedBy).
// The system's bookkeeping on a dossier (a start ticket, an instance bound, a file attached, an audit record
// drained) goes through the same door with no event: it appends nothing and leaves the health mark as it is.
import type { QueryFilter, Types, UpdateQuery } from 'mongoose';
import type { PendingAuditEvent } from '../models/AuditEvent';
import {
  DossierModel,
  type Dossier,
  type DossierDocument,
  type Handover,
  type IssuedSlip,
  type ProcessInstanceBinding,
  type ResultDocument,
  type TimelineEvent,
  type WrittenTimelineEvent,
} from '../models/Dossier';
import type { StepDeadline, SupplementRequest } from '../models/Dossier';
import type { DossierStatus, DossierSubStatus } from '../../processes/dossier-status';
import type { ProcessHealth } from '../../processes/process-health-states';

export interface DossierChange {
  /** The timeline event; omitted only for the system's bookkeeping, which appends nothing (see the file's head). */
  event?: Omit<WrittenTimelineEvent, 'at' | 'status'> & { at?: Date };
  status?: DossierStatus;
  /** Undefined leaves it; null clears it. */
  subStatus?: DossierSubStatus | null;
  set?: Partial<
    Pick<
      Dossier,
      | 'receivedAt'
      | 'appointmentAt'
      | 'dueAt'
      | 'resolvedAt'
      | 'returnedAt'
      | 'processInstanceKey'
      | 'returnChannel'
      | 'completionTiming'
      | 'rating'
      | 'documents'
      | 'processTicket'
      | 'receiptSecretHash'
    >
  >;
  /** Appends to the dossier's lists in the same update. */
  push?: {
    slips?: IssuedSlip;
    handovers?: Handover;
    supplementRequests?: SupplementRequest;
    stepDeadlines?: StepDeadline;
    documents?: DossierDocument;
    'result.documents'?: ResultDocument;
    processInstances?: ProcessInstanceBinding;
    pendingAudit?: PendingAuditEvent;
  };
  /** Takes entries off the dossier's lists in the same update (an audit record drained). */
  pull?: { pendingAudit?: { key: string } };
  /** Positional sets inside arrays, e.g. `supplementRequests.$[open].suppliedAt`, with their array filters. */
  setInArrays?: { set: Record<string, unknown>; arrayFilters: Record<string, unknown>[] };
  /** An inter-agency hand-over: the dossier becomes that agency's current one and stays visible to the others. */
  transferTo?: Types.ObjectId;
  /** Apply only while the dossier is in one of these statuses (guards against a stale or repeated change). */
  onlyFrom?: readonly DossierStatus[];
  /** Marks the dossier's machine health (an incident, a stalled step); every other change may clear it. */
  processHealth?: ProcessHealth;
  /** Apply only while the dossier has no machine-health mark (two workers' periodic checks mark it once). */
  onlyHealthy?: boolean;
  /**
   * Apply only while the dossier also matches these conditions: a field still holding a value (a start attempt
   * whose ticket a newer one replaced, the `updatedAt` a change was computed from), an entry not yet in a list.
   */
  guard?: QueryFilter<Dossier>;
  /**
   * Leaves the machine-health mark as it is, for a change that is not the machine's progress (an officer's upload,
   * the citizen's rating, a digitising pass): only the machine's steps end a stall.
   */
  keepHealth?: boolean;
  /** Ends the machine-health mark without a timeline event (a job succeeded where the incident was). */
  clearHealth?: boolean;
}

/**
 * Whether an applied change shows the dossier moved on from its mark: any progress ends a stall or a missing
 * instance; an incident ends only with progress at its own element (a parallel branch going on leaves it).
 */
function healthClearedBy(health: ProcessHealth, event: Pick<TimelineEvent, 'elementId'>): boolean {
  return health.state !== 'incident' || (!!health.elementId && event.elementId === health.elementId);
}

/** Returns the dossier after the change, or null when it does not exist or `onlyFrom` / `guard` did not match. */
export async function changeDossier(
  dossierId: Types.ObjectId,
  change: DossierChange,
): Promise<Dossier | null> {
  const event: WrittenTimelineEvent | undefined = change.event && {
    ...change.event,
    at: change.event.at ?? new Date(),
    ...(change.status !== undefined ? { status: change.status } : {}),
  };
  const set: Record<string, unknown> = { ...change.set };
  const unset: Record<string, ''> = {};
  if (change.status !== undefined) set.status = change.status;
  if (change.subStatus === null) unset.subStatus = '';
  else if (change.subStatus !== undefined) set.subStatus = change.subStatus;
  if (change.transferTo) set.currentAgency = change.transferTo;
  if (change.processHealth) set.processHealth = change.processHealth;
  else if (change.clearHealth) unset.processHealth = '';
  const push: Record<string, unknown> = { ...(event ? { timeline: event } : {}), ...change.push };
  Object.assign(set, change.setInArrays?.set);
  const update: UpdateQuery<Dossier> = {
    ...(Object.keys(push).length ? { $push: push } : {}),
    ...(change.pull ? { $pull: change.pull } : {}),
    ...(Object.keys(set).length ? { $set: set } : {}),
    ...(Object.keys(unset).length ? { $unset: unset } : {}),
    ...(change.transferTo ? { $addToSet: { visibleToAgencies: change.transferTo } } : {}),
  };
  const filter = {
    _id: dossierId,
    ...(change.onlyFrom ? { status: { $in: change.onlyFrom } } : {}),
    ...change.guard,
    // A worker's job can come back after its effect was stored (killed before completing): apply once.
    ...(event?.key ? { 'timeline.key': { $ne: event.key } } : {}),
    ...(change.onlyHealthy ? { processHealth: { $exists: false } } : {}),
  };
  const changed = await DossierModel.findOneAndUpdate(filter, update, {
    returnDocument: 'after',
    lean: true,
    ...(change.setInArrays ? { arrayFilters: change.setInArrays.arrayFilters } : {}),
  });
  if (
    event &&
    !change.keepHealth &&
    changed?.processHealth &&
    !change.processHealth &&
    healthClearedBy(changed.processHealth, event)
  ) {
    // Only the mark this change saw: one set meanwhile (a newer incident) stays.
    await DossierModel.updateOne(
      { _id: dossierId, 'processHealth.since': changed.processHealth.since },
      { $unset: { processHealth: '' } },
    );
    delete changed.processHealth;
  }
  if (changed || !event?.key) return changed;
  return DossierModel.findOne({ _id: dossierId, 'timeline.key': event.key }).lean();
}

/** Whether a keyed change was already applied to the dossier. */
export function hasApplied(dossier: Pick<Dossier, 'timeline'>, key: string): boolean {
  return dossier.timeline.some((e) => e.key === key);
}
