// What every dossier job needs: the dossier named by the job's `dossierId`, the actor recorded on the timeline,
// and the idempotency key of each effect (`<job key>:<effect>`), stable when a timed-out job comes back.
import { Types } from 'mongoose';
import { DossierModel, type Dossier, type TimelineEvent } from '../server/models/Dossier';
import { BusinessError, type WorkerJob } from './job-handler';

export const systemActor: TimelineEvent['actor'] = { kind: 'system', name: 'engine-worker' };

export async function loadDossier(job: WorkerJob): Promise<Dossier> {
  const id = job.variables.dossierId;
  if (typeof id !== 'string' || !Types.ObjectId.isValid(id)) {
    throw new BusinessError('DOSSIER_NOT_FOUND', `Biến dossierId không hợp lệ: ${String(id)}`);
  }
  const dossier = await DossierModel.findById(id).lean();
  if (!dossier) throw new BusinessError('DOSSIER_NOT_FOUND', `Không tìm thấy hồ sơ ${id}`);
  return dossier;
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
  const local = new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+07:00`;
}
