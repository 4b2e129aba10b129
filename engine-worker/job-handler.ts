// One shape for every job worker: read the dossier the job is about, do the work, complete the job with the
// output variables. A BusinessError becomes a BPMN error the model catches; anything else fails the job with
// one retry fewer (an incident at zero), so a store or SMTP outage retries instead of losing the step. A job of
// an orphan instance (a dossier's second instance of its own process) cancels that instance.
import type { Job, ZBClient } from 'zeebe-node';
import { OrphanInstanceError } from '../server/domain/dossier-instances';
import type { Logger } from '../server/logger';
import { cancelOrphan } from './orphan-instance';

export interface WorkerJob {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  elementInstanceKey: string;
  retries: number;
  customHeaders: Record<string, string>;
  variables: Record<string, unknown>;
}

/** A business outcome the model handles with an error boundary event (e.g. `DOSSIER_NOT_FOUND`). */
export class BusinessError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type JobHandler = (job: WorkerJob) => Promise<Record<string, unknown> | void>;

export interface JobDefinition {
  type: string;
  handler: JobHandler;
  /** How long a job stays locked to this worker (ms). */
  timeoutMs?: number;
  maxJobsToActivate?: number;
}

/** The job as our handlers see it: keys as strings (zeebe-node may hand them as Long-like values). */
export function toWorkerJob(job: Readonly<Job>): WorkerJob {
  return {
    key: String(job.key),
    type: job.type,
    processInstanceKey: String(job.processInstanceKey),
    bpmnProcessId: job.bpmnProcessId,
    elementId: job.elementId,
    elementInstanceKey: String(job.elementInstanceKey),
    retries: job.retries,
    customHeaders: job.customHeaders as unknown as Record<string, string>,
    variables: job.variables as Record<string, unknown>,
  };
}

export function registerJob(zeebe: ZBClient, logger: Logger, definition: JobDefinition) {
  return zeebe.createWorker({
    taskType: definition.type,
    timeout: definition.timeoutMs ?? 60_000,
    maxJobsToActivate: definition.maxJobsToActivate ?? 16,
    loglevel: 'NONE',
    taskHandler: async (job) => {
      const input = toWorkerJob(job);
      try {
        const output = await definition.handler(input);
        return job.complete((output ?? {}) as never);
      } catch (error) {
        if (error instanceof OrphanInstanceError) return cancelOrphan(zeebe, logger, job, error);
        if (error instanceof BusinessError) {
          logger.info(`job ${input.type} raised ${error.code}`, {
            jobKey: input.key,
            message: error.message,
          });
          return job.error(error.code, error.message);
        }
        const message = error instanceof Error ? error.message : String(error);
        logger.warn(`job ${input.type} failed`, { jobKey: input.key, message });
        return job.fail({
          errorMessage: message,
          retries: Math.max(0, job.retries - 1),
          retryBackOff: 2_000,
        });
      }
    },
  });
}
