// What every dossier job needs: the dossier its process instance works on (server/domain/dossier-instances.ts:
// found by the job's instance key, its variables only cross-checked), the actor recorded on the timeline (the
// officer whose completed task led straight to this step, else the worker), and the idempotency key of each
// effect (`<job key>:<effect>`), stable when a timed-out job comes back.
import { toLocalDate, toLocalMinutes } from '../processes/calendar/local-date';
import {
  dossierOfInstance,
  UnknownInstanceError,
  type InstanceDossier,
} from '../server/domain/dossier-instances';
import { processModel } from '../server/domain/procedure-version-model';
import type { Dossier, TimelineEvent } from '../server/models/Dossier';
import { TaskModel } from '../server/models/Task';
import { BusinessError, type WorkerJob } from './job-handler';

export const systemActor: TimelineEvent['actor'] = { kind: 'system', name: 'engine-worker' };

export async function loadDossier(job: WorkerJob): Promise<Dossier> {
  return (await loadShare(job)).dossier;
}

/** The dossier and the agency whose share of it the job's instance is. */
export async function loadShare(job: WorkerJob): Promise<InstanceDossier> {
  try {
    return await dossierOfInstance(job);
  } catch (error) {
    // A mismatch stays a failure (an incident at the last retry): the model must not route it as "not found".
    if (error instanceof UnknownInstanceError) throw new BusinessError('DOSSIER_NOT_FOUND', error.message);
    throw error;
  }
}

/**
 * Who a worker's change is recorded as: the officer whose task completion the step follows without waiting for
 * anything else (the refusal after the leader's "refuse"), by the task rows of this instance; the worker when a
 * timer, a message or the filing itself led here.
 */
export async function jobActor(job: WorkerJob, dossier: Dossier): Promise<TimelineEvent['actor']> {
  const model = await processModel(
    dossier.procedure.code,
    dossier.procedure.version,
    job.bpmnProcessId,
  ).catch(() => undefined);
  const causes = model?.causingTasks(job.bpmnProcessId, job.elementId) ?? [];
  if (!causes.length) return systemActor;
  // The completion that led here may still be on its way back from the engine (locked, not yet stored).
  const tasks = await TaskModel.find(
    {
      processInstanceKey: job.processInstanceKey,
      elementId: { $in: causes.map((c) => c.slice(c.indexOf('/') + 1)) },
      $or: [{ state: 'completed' }, { completingAt: { $exists: true } }],
    },
    { completedBy: 1, assignee: 1, completedAt: 1, completingAt: 1, completingBy: 1 },
  ).lean();
  const when = (t: (typeof tasks)[number]) => (t.completedAt ?? t.completingAt)?.getTime() ?? 0;
  const latest = tasks.sort((a, b) => when(b) - when(a))[0];
  const by =
    latest?.completedBy && latest.assignee
      ? { userId: latest.completedBy, username: latest.assignee }
      : latest?.completingBy;
  return by ? { kind: 'user', userId: by.userId, username: by.username } : systemActor;
}

export function effectKey(job: WorkerJob, effect: string): string {
  return `${job.key}:${effect}`;
}

export function header(job: WorkerJob, name: string, allowed?: readonly string[]): string {
  const value = job.customHeaders[name];
  if (value === undefined || value === '') {
    throw new Error(`Task ${job.elementId} (${job.type}) lacks the header '${name}'`);
  }
  if (allowed && !allowed.includes(value)) {
    throw new Error(
      `Task ${job.elementId} header '${name}' must be one of ${allowed.join(', ')} (got '${value}')`,
    );
  }
  return value;
}

/** ISO-8601 in Vietnam's offset, as the contract hands dates to FEEL timers. */
export function toVietnamIso(instant: Date): string {
  const minutes = toLocalMinutes(instant);
  const clock = [Math.floor(minutes / 60), minutes % 60, instant.getUTCSeconds()];
  return `${toLocalDate(instant)}T${clock.map((n) => String(n).padStart(2, '0')).join(':')}+07:00`;
}
