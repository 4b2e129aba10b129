// The one place a dossier changes after submission: each change appends its timeline event and sets the
// fields it derives (status, dates, current agency) in the same single-document update, so the timeline and
// the stored copies never disagree. Workers and routes call this; none writes a dossier's status directly.
import type { Types, UpdateQuery } from 'mongoose';
import { DossierModel, type Dossier, type TimelineEvent } from '../models/Dossier';
import type { DossierStatus, DossierSubStatus } from './dossier-status';

export interface DossierChange {
  event: Omit<TimelineEvent, 'at' | 'status'> & { at?: Date };
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
    >
  >;
  /** An inter-agency hand-over: the dossier becomes that agency's current one and stays visible to the others. */
  transferTo?: Types.ObjectId;
  /** Apply only while the dossier is in one of these statuses (guards against a stale or repeated change). */
  onlyFrom?: DossierStatus[];
}

/** Returns the dossier after the change, or null when it does not exist or `onlyFrom` did not match. */
export async function changeDossier(
  dossierId: Types.ObjectId,
  change: DossierChange,
): Promise<Dossier | null> {
  const at = change.event.at ?? new Date();
  const event: TimelineEvent = {
    ...change.event,
    at,
    ...(change.status !== undefined ? { status: change.status } : {}),
  };
  const set: Record<string, unknown> = { ...change.set };
  const unset: Record<string, ''> = {};
  if (change.status !== undefined) set.status = change.status;
  if (change.subStatus === null) unset.subStatus = '';
  else if (change.subStatus !== undefined) set.subStatus = change.subStatus;
  if (change.transferTo) set.currentAgency = change.transferTo;
  const update: UpdateQuery<Dossier> = {
    $push: { timeline: event },
    ...(Object.keys(set).length ? { $set: set } : {}),
    ...(Object.keys(unset).length ? { $unset: unset } : {}),
    ...(change.transferTo ? { $addToSet: { visibleToAgencies: change.transferTo } } : {}),
  };
  const filter = { _id: dossierId, ...(change.onlyFrom ? { status: { $in: change.onlyFrom } } : {}) };
  return DossierModel.findOneAndUpdate(filter, update, { returnDocument: 'after', lean: true });
}
