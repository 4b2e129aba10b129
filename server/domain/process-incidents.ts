// What the workers tell the dossier about the machine: a job they failed for the last time is an incident at
// its element (zeebe-node has no API to list incidents, so the worker that raised one records it), a later
// success at that element ends it, and a machine step with no progress past its budget is stalled.
import type { Types } from 'mongoose';
import { DossierModel, type TimelineEvent } from '../models/Dossier';
import { TaskModel } from '../models/Task';
import { changeDossier } from './dossier-events';
import type { DossierStatus } from '../../processes/dossier-status';
import { healthMessage } from './process-health';

const workerActor: TimelineEvent['actor'] = { kind: 'system', name: 'engine-worker' };

/** Statuses in which the machine, not the citizen or an officer's inbox, owes the next step. */
const machineOwedStatuses: DossierStatus[] = [1, 2, 4];
const STALL_BATCH = 500;

function ofInstance(processInstanceKey: string) {
  return { $or: [{ processInstanceKey }, { 'processInstances.key': processInstanceKey }] };
}

/** Records the incident the engine raised for the instance's job (failed with no retries left). */
export async function recordIncident(incident: {
  processInstanceKey: string;
  elementId: string;
  message: string;
  at?: Date;
}): Promise<boolean> {
  const dossier = await DossierModel.findOne(ofInstance(incident.processInstanceKey), { _id: 1 }).lean();
  if (!dossier) return false;
  const since = incident.at ?? new Date();
  const message = healthMessage(incident.message);
  const changed = await changeDossier(dossier._id, {
    event: {
      at: since,
      actor: workerActor,
      action: 'dossier.incident',
      // No note: the cause is for leaders and admins (the view shows it to them), the timeline is for all.
      elementId: incident.elementId,
    },
    processHealth: { state: 'incident', since, elementId: incident.elementId, message },
  });
  return !!changed;
}

/**
 * A job at the element completed: an incident there is over (the operator gave the job retries again), even
 * when the handler had nothing to write on the dossier. The system's own mark, so no timeline event.
 */
export async function clearIncidentAt(processInstanceKey: string, elementId: string): Promise<void> {
  const atElement = { 'processHealth.state': 'incident', 'processHealth.elementId': elementId } as const;
  // One indexed read in the usual case (no incident there); the change only where one is marked.
  const marked = await DossierModel.find(
    { ...ofInstance(processInstanceKey), ...atElement },
    { _id: 1 },
  ).lean();
  for (const dossier of marked) await changeDossier(dossier._id, { clearHealth: true, guard: atElement });
}

/** Asks the engine whether a process instance is still live (EngineClient.instanceIsLive). */
export type InstanceProbe = (processInstanceKey: string) => Promise<boolean>;

/**
 * Marks as stalled every dossier the machine owes a step (open, not waiting for the citizen, no officer task
 * open) that has not changed for longer than the budget; as missing, one whose process instance the engine no
 * longer has (asked through `instanceIsLive` when given). Returns the codes it marked.
 */
export async function markStalledDossiers(
  budgetMs: number,
  now = new Date(),
  instanceIsLive?: InstanceProbe,
): Promise<string[]> {
  const quietSince = new Date(now.getTime() - budgetMs);
  const marked: string[] = [];
  // Most quiet dossiers wait on an officer's task: read them all, a batch at a time, so none is left unseen.
  let after: Types.ObjectId | undefined;
  for (;;) {
    const candidates = await DossierModel.find(
      {
        status: { $in: machineOwedStatuses },
        processHealth: { $exists: false },
        updatedAt: { $lt: quietSince },
        ...(after ? { _id: { $gt: after } } : {}),
      },
      { _id: 1, code: 1, updatedAt: 1, processInstanceKey: 1 },
    )
      .sort({ _id: 1 })
      .limit(STALL_BATCH)
      .lean();
    if (!candidates.length) return marked;
    after = candidates.at(-1)!._id;
    const withTask = new Set(
      (
        await TaskModel.distinct('dossier', {
          state: 'open',
          dossier: { $in: candidates.map((d) => d._id) },
        })
      ).map((id: Types.ObjectId) => id.toHexString()),
    );
    for (const candidate of candidates) {
      if (withTask.has(candidate._id.toHexString())) continue;
      const missing = await instanceMissing(candidate.processInstanceKey, instanceIsLive);
      if (await markStalled(candidate, now, missing)) marked.push(candidate.code);
    }
    if (candidates.length < STALL_BATCH) return marked;
  }
}

/** True only when the engine answered that it has no such live instance; an engine that is down says nothing. */
async function instanceMissing(key: string | undefined, instanceIsLive?: InstanceProbe): Promise<boolean> {
  if (!key || !instanceIsLive) return false;
  return instanceIsLive(key).then(
    (live) => !live,
    () => false,
  );
}

async function markStalled(
  candidate: { _id: Types.ObjectId; updatedAt: Date; processInstanceKey?: string },
  now: Date,
  missing: boolean,
): Promise<boolean> {
  const last = await DossierModel.findById(candidate._id, { timeline: 1 }).lean();
  const lastEvent = last?.timeline.at(-1);
  const since = lastEvent?.at ?? candidate.updatedAt;
  const changed = await changeDossier(candidate._id, {
    event: {
      at: now,
      actor: workerActor,
      action: missing ? 'dossier.instance-missing' : 'dossier.stalled',
      ...(lastEvent?.elementId ? { elementId: lastEvent.elementId } : {}),
    },
    processHealth: {
      state: missing ? 'missing' : 'stalled',
      since,
      ...(lastEvent?.elementId ? { elementId: lastEvent.elementId } : {}),
      message: missing
        ? `Bộ máy quy trình không còn phiên quy trình ${candidate.processInstanceKey} của hồ sơ; không có tiến triển từ ${since.toISOString()}`
        : `Không có tiến triển từ ${since.toISOString()}`,
    },
    onlyHealthy: true,
    onlyFrom: machineOwedStatuses,
  });
  return !!changed;
}
