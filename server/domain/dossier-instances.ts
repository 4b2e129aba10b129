// Which dossier (and which agency's share of it) a job is about, from the job's process instance key: the
// dossier's own instance (started by the server) or an instance bound to it when its first job was seen. Process
// variables only bind an instance the first time, when no officer can yet have written into it (an officer
// completes tasks of bound instances only); after that `dossierId`, `dossierCode` and `agencyCode` are only
// cross-checked, and a job whose variables disagree with its instance's dossier fails without touching anything.
// An instance of the dossier's own process that is not (and cannot become) its stored one is an orphan of a start
// attempt that died (dossier-own-instance.ts): the job's worker cancels it.
import { Types } from 'mongoose';
import { DossierModel, type Dossier } from '../models/Dossier';
import { changeDossier } from './dossier-events';
import { bindOwnInstance, claimsOwnInstance } from './dossier-own-instance';

export interface InstanceJob {
  processInstanceKey: string;
  bpmnProcessId: string;
  variables: Record<string, unknown>;
}

export interface InstanceDossier {
  dossier: Dossier;
  /** The agency whose share of the dossier this instance is (its tasks go to that agency's inbox). */
  agencyCode: string;
}

/** The job names no dossier the system started or correlated this instance for. */
export class UnknownInstanceError extends Error {}

/** The job's variables disagree with the dossier its instance works on (overwritten): nothing is done. */
export class InstanceMismatchError extends Error {}

/** A second instance of the dossier's own process, left by a start attempt that died: to be cancelled. */
export class OrphanInstanceError extends Error {
  constructor(
    readonly processInstanceKey: string,
    readonly dossierCode: string,
  ) {
    super(`Tiến trình ${processInstanceKey} không phải tiến trình của hồ sơ ${dossierCode}: huỷ`);
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function binding(dossier: Dossier, key: string): InstanceDossier | undefined {
  if (dossier.processInstanceKey === key) return { dossier, agencyCode: dossier.receivingAgencyCode };
  const bound = dossier.processInstances?.find((p) => p.key === key);
  return bound ? { dossier, agencyCode: bound.agencyCode } : undefined;
}

/** Agencies the dossier was received by or handed to: the only ones whose share an instance may be. */
function agenciesOf(dossier: Dossier): Set<string> {
  return new Set([dossier.receivingAgencyCode, ...(dossier.handovers ?? []).map((h) => h.toAgencyCode)]);
}

async function bindOnFirstSight(job: InstanceJob): Promise<InstanceDossier> {
  const id = text(job.variables.dossierId);
  const agencyCode = text(job.variables.agencyCode);
  if (!id || !Types.ObjectId.isValid(id)) {
    throw new UnknownInstanceError(`Biến dossierId không hợp lệ: ${String(job.variables.dossierId)}`);
  }
  const dossier = await DossierModel.findById(id).lean();
  if (!dossier) throw new UnknownInstanceError(`Không tìm thấy hồ sơ ${id}`);
  const known = binding(dossier, job.processInstanceKey);
  if (known) return known;
  if (claimsOwnInstance(job, dossier)) return bindOwn(job, dossier);
  if (
    !agencyCode ||
    !agenciesOf(dossier).has(agencyCode) ||
    text(job.variables.dossierCode) !== dossier.code
  ) {
    throw new InstanceMismatchError(
      `Tiến trình ${job.processInstanceKey} không khớp hồ sơ ${dossier.code} (cơ quan ${String(agencyCode)})`,
    );
  }
  // The system's index of the dossier's instances, not a change of the dossier: no timeline event.
  const bound = await changeDossier(dossier._id, {
    push: {
      processInstances: {
        key: job.processInstanceKey,
        bpmnProcessId: job.bpmnProcessId,
        agencyCode,
        boundAt: new Date(),
      },
    },
    guard: { 'processInstances.key': { $ne: job.processInstanceKey } },
  });
  // Bound by a job of the same instance in between: read what it stored.
  const current = bound ?? (await DossierModel.findById(dossier._id).lean());
  const result = current && binding(current, job.processInstanceKey);
  if (!result) throw new UnknownInstanceError(`Không gắn được tiến trình ${job.processInstanceKey}`);
  return result;
}

/** The first job of an instance started for the dossier: stored as the dossier's if its ticket is current. */
async function bindOwn(
  job: InstanceJob & { variables: { processTicket: string } },
  dossier: Dossier,
): Promise<InstanceDossier> {
  const orphan = new OrphanInstanceError(job.processInstanceKey, dossier.code);
  if (dossier.processInstanceKey || dossier.processTicket !== job.variables.processTicket) throw orphan;
  const bound = await bindOwnInstance(dossier, {
    key: job.processInstanceKey,
    ticket: job.variables.processTicket,
    note: `${job.bpmnProcessId} (ghi nhận từ công việc đầu tiên)`,
  });
  if (bound?.processInstanceKey !== job.processInstanceKey) throw orphan;
  return { dossier: bound, agencyCode: bound.receivingAgencyCode };
}

function crossCheck(job: InstanceJob, found: InstanceDossier): InstanceDossier {
  const { dossier, agencyCode } = found;
  const checks: [string, unknown, string][] = [
    ['dossierId', job.variables.dossierId, dossier._id.toHexString()],
    ['dossierCode', job.variables.dossierCode, dossier.code],
    ['agencyCode', job.variables.agencyCode, agencyCode],
  ];
  for (const [name, value, expected] of checks) {
    if (value !== undefined && value !== expected) {
      throw new InstanceMismatchError(
        `Biến ${name} của tiến trình ${job.processInstanceKey} (${String(value).slice(0, 40)}) không khớp hồ sơ ${dossier.code}: không xử lý`,
      );
    }
  }
  return found;
}

/** The dossier the job's instance works on, and the agency whose share it is. */
export async function dossierOfInstance(job: InstanceJob): Promise<InstanceDossier> {
  const key = job.processInstanceKey;
  // Two indexed reads rather than one $or, which the embedded store cannot plan on an index; the dossier's own
  // instance (most jobs) is found by the first.
  const dossier =
    (await DossierModel.findOne({ processInstanceKey: key }).lean()) ??
    (await DossierModel.findOne({ 'processInstances.key': key }).lean());
  const found = (dossier && binding(dossier, key)) || (await bindOnFirstSight(job));
  return crossCheck(job, found);
}
