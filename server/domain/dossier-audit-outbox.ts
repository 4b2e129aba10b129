// Drains the audit records a dossier keeps (`pendingAudit`, written in the same write as the action) into
// AuditEvent: each under its unique key, then taken off the dossier. A drain that dies between the two runs
// again and writes nothing twice. The route drains after its action; the workers' sweep drains what a crash left.
import type { Types } from 'mongoose';
import { AuditEventModel } from '../models/AuditEvent';
import { DossierModel } from '../models/Dossier';
import { changeDossier } from './dossier-events';
import { noCrash, type CrashPoint } from './step-boundaries';

const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

export async function drainDossierAudit(
  dossierId: Types.ObjectId,
  crashPoint: CrashPoint = noCrash,
): Promise<void> {
  const dossier = await DossierModel.findById(dossierId, { pendingAudit: 1 }).lean();
  for (const record of dossier?.pendingAudit ?? []) {
    try {
      await AuditEventModel.create(record);
    } catch (error) {
      // Written by an earlier drain that died before taking it off the dossier.
      if (!isDuplicateKey(error)) throw error;
    }
    crashPoint('audit-recorded');
    await changeDossier(dossierId, { pull: { pendingAudit: { key: record.key } } });
  }
}

/** Dossiers with records pending for more than `graceMs` (their request died before draining). */
export async function drainPendingAudits(
  graceMs = 10_000,
  crashPoint: CrashPoint = noCrash,
): Promise<number> {
  const pending = await DossierModel.find(
    { 'pendingAudit.at': { $lt: new Date(Date.now() - graceMs) } },
    { _id: 1 },
  )
    .limit(100)
    .lean();
  for (const { _id } of pending) await drainDossierAudit(_id, crashPoint);
  return pending.length;
}
