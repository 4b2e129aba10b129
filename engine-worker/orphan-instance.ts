// A job of an orphan instance (a second instance of a dossier's own process, left by a start attempt that died
// between creating it and storing its key): cancel the instance before it does anything. Its timers, tasks and
// messages go with it, so nothing of the dossier happens twice.
import type { MustReturnJobActionAcknowledgement, ZBClient, ZeebeJob } from 'zeebe-node';
import { toEngineError } from '../server/engine/engine-errors';
import type { OrphanInstanceError } from '../server/domain/dossier-instances';
import type { Logger } from '../server/config/logger';

export async function cancelOrphan(
  zeebe: ZBClient,
  logger: Logger,
  job: Readonly<ZeebeJob>,
  orphan: OrphanInstanceError,
): Promise<MustReturnJobActionAcknowledgement> {
  try {
    await zeebe.cancelProcessInstance(orphan.processInstanceKey);
  } catch (error) {
    // Already cancelled (the attempt that lost the race does it too) is what we wanted.
    if (toEngineError(error).kind !== 'not_found') {
      // Keep the retries: the job comes back and the cancel is tried again, never an incident.
      return job.fail({ errorMessage: orphan.message, retries: job.retries, retryBackOff: 2_000 });
    }
  }
  logger.warn('cancelled a second process instance of a dossier', {
    dossier: orphan.dossierCode,
    processInstanceKey: orphan.processInstanceKey,
  });
  // The job went with its instance: there is nothing to complete.
  return job.forward();
}
