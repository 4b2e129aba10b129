// Starts the procedure's process for a stored dossier, with the variables of processes/CONTRACT.md, and keeps
// the instance key on the dossier. The submission route calls it at once; a dossier whose start failed (engine
// down, or the API died mid-way) is picked up again by the sweep, so an acknowledged submission is never left
// without its process. Any attempt may die after the engine created its instance: the ticket it recorded first
// (dossier-own-instance.ts) lets that instance be stored by its first job, or cancelled there if a later attempt's
// instance became the dossier's, so a dossier never has two live instances of its own process.
import type { EngineClient } from '../engine/engine-client';
import { EngineError } from '../engine/engine-errors';
import type { Logger } from '../config/logger';
import { DossierModel, type Dossier } from '../models/Dossier';
import { bindOwnInstance, claimProcessTicket, PROCESS_TICKET_VARIABLE } from './dossier-own-instance';
import { noCrash, type CrashPoint } from './step-boundaries';

export function processVariables(dossier: Dossier) {
  return {
    dossierId: dossier._id.toHexString(),
    dossierCode: dossier.code,
    procedureCode: dossier.procedure.code,
    agencyCode: dossier.receivingAgencyCode,
    channel: dossier.channel,
  };
}

export async function startDossierProcess(
  dossier: Dossier,
  engine: EngineClient,
  crashPoint: CrashPoint = noCrash,
): Promise<Dossier> {
  if (dossier.processInstanceKey) return dossier;
  const ticket = await claimProcessTicket(dossier);
  if (!ticket) return (await DossierModel.findById(dossier._id).lean()) ?? dossier;
  crashPoint('ticket-claimed');
  const started = await engine.createInstance({
    bpmnProcessId: dossier.procedure.bpmnProcessId,
    ...(dossier.procedure.processVersion ? { version: dossier.procedure.processVersion } : {}),
    variables: { ...processVariables(dossier), [PROCESS_TICKET_VARIABLE]: ticket },
  });
  crashPoint('instance-created');
  const bound = await bindOwnInstance(dossier, {
    key: started.processInstanceKey,
    ticket,
    note: `${dossier.procedure.bpmnProcessId} v${started.version}`,
  });
  if (bound?.processInstanceKey !== started.processInstanceKey) {
    // A later attempt's ticket replaced this one (a retry or the sweep while this call was slow): its instance is
    // the dossier's. This one's first job would cancel it too; cancelling here saves that round.
    await engine.cancelInstance(started.processInstanceKey).catch(() => undefined);
  }
  crashPoint('instance-bound');
  return bound ?? dossier;
}

/** Dossiers submitted more than `graceMs` ago whose process never started (engine unreachable, API died). */
export async function startPendingProcesses(
  engine: EngineClient,
  logger: Logger,
  graceMs = 10_000,
  crashPoint: CrashPoint = noCrash,
): Promise<number> {
  const pending = await DossierModel.find({
    status: 1,
    processInstanceKey: { $exists: false },
    submittedAt: { $lt: new Date(Date.now() - graceMs) },
  })
    .limit(100)
    .lean();
  let started = 0;
  for (const dossier of pending) {
    try {
      await startDossierProcess(dossier, engine, crashPoint);
      started++;
    } catch (error) {
      logger.warn('process start failed; will retry', { dossier: dossier.code, error: String(error) });
      // An unreachable engine fails them all alike; a model missing for one procedure must not block others.
      if (error instanceof EngineError && error.kind === 'unavailable') break;
    }
  }
  return started;
}
