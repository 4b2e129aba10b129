// Starts the procedure's process for a stored dossier, with the variables of processes/CONTRACT.md, and keeps
// the instance key on the dossier. The submission route calls it at once; a dossier whose start failed (engine
// down) is picked up again by the sweep, so an acknowledged submission is never left without its process.
import type { EngineClient } from '../engine/engine-client';
import { EngineError } from '../engine/engine-errors';
import type { Logger } from '../logger';
import { DossierModel, type Dossier } from '../models/Dossier';
import { changeDossier } from './dossier-events';

export function processVariables(dossier: Dossier) {
  return {
    dossierId: dossier._id.toHexString(),
    dossierCode: dossier.code,
    procedureCode: dossier.procedure.code,
    agencyCode: dossier.receivingAgencyCode,
    channel: dossier.channel,
  };
}

export async function startDossierProcess(dossier: Dossier, engine: EngineClient): Promise<Dossier> {
  if (dossier.processInstanceKey) return dossier;
  const started = await engine.createInstance({
    bpmnProcessId: dossier.procedure.bpmnProcessId,
    ...(dossier.procedure.processVersion ? { version: dossier.procedure.processVersion } : {}),
    variables: processVariables(dossier),
  });
  const changed = await changeDossier(dossier._id, {
    event: {
      actor: { kind: 'system', name: 'server' },
      action: 'process.started',
      key: `process:${dossier.code}`,
      note: `${dossier.procedure.bpmnProcessId} v${started.version}`,
    },
    set: { processInstanceKey: started.processInstanceKey },
  });
  return changed ?? dossier;
}

/** Dossiers submitted more than `graceMs` ago whose process never started (the engine was unreachable). */
export async function startPendingProcesses(
  engine: EngineClient,
  logger: Logger,
  graceMs = 10_000,
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
      await startDossierProcess(dossier, engine);
      started++;
    } catch (error) {
      logger.warn('process start failed; will retry', { dossier: dossier.code, error: String(error) });
      // An unreachable engine fails them all alike; a model missing for one procedure must not block others.
      if (error instanceof EngineError && error.kind === 'unavailable') break;
    }
  }
  return started;
}
