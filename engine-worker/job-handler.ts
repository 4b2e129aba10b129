// One shape for every job worker: read the dossier the job is about, do the work, complete the job with the
// output variables. A BusinessError becomes a BPMN error the model catches; an unreachable store or engine fails
// the job with its retries kept and a growing back-off (infrastructure-fault.ts); anything else fails it with one
// retry fewer (an incident at zero). The engine does not tell anyone of an incident (zeebe-node has no API for
// it), so the last failure is recorded on the dossier here, and a later success at the same element clears it.
// A job of an orphan instance (a dossier's second instance of its own process) cancels that instance.
import type { FailJobRequest, Job, ZBClient } from 'zeebe-node';
import { OrphanInstanceError } from '../server/domain/dossier-instances';
import { clearIncidentAt, recordIncident } from '../server/domain/process-incidents';
import type { Logger } from '../server/config/logger';
import { cancelOrphan } from './orphan-instance';
import { failureFor, INFRASTRUCTURE_FAULT_BUDGET_MS, type FaultPolicy } from './infrastructure-fault';

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

/**
 * Fails the job for an error that is not a BusinessError, by the fault policy; the record of a running
 * infrastructure fault goes with it as a local variable (zeebe-node's job.fail cannot carry variables; the
 * gateway's FailJob can, since Zeebe 8.2).
 */
export async function failJob(
  zeebe: ZBClient,
  logger: Logger,
  job: WorkerJob,
  error: unknown,
  policy: FaultPolicy,
): Promise<{ retries: number }> {
  const failure = failureFor(error, job, policy);
  const message = error instanceof Error ? error.message : String(error);
  logger.warn(`job ${job.type} failed${failure.infrastructure ? ' (infrastructure, retries kept)' : ''}`, {
    jobKey: job.key,
    message,
    retries: failure.retries,
    retryBackOff: failure.retryBackOff,
  });
  await zeebe.failJob({
    jobKey: job.key,
    errorMessage: message,
    retries: failure.retries,
    retryBackOff: failure.retryBackOff,
    variables: JSON.stringify(failure.variables),
  } as FailJobRequest);
  if (failure.retries === 0) await noteIncident(logger, job, message);
  return { retries: failure.retries };
}

export function registerJob(
  zeebe: ZBClient,
  logger: Logger,
  definition: JobDefinition,
  policy: FaultPolicy = { budgetMs: INFRASTRUCTURE_FAULT_BUDGET_MS },
) {
  return zeebe.createWorker({
    taskType: definition.type,
    timeout: definition.timeoutMs ?? 60_000,
    maxJobsToActivate: definition.maxJobsToActivate ?? 16,
    loglevel: 'NONE',
    taskHandler: async (job) => {
      const input = toWorkerJob(job);
      try {
        const output = await definition.handler(input);
        const done = await job.complete((output ?? {}) as never);
        await clearIncidentAt(input.processInstanceKey, input.elementId).catch((error: unknown) =>
          logger.warn('could not clear the incident mark', { jobKey: input.key, error: String(error) }),
        );
        return done;
      } catch (error) {
        if (error instanceof OrphanInstanceError) return cancelOrphan(zeebe, logger, job, error);
        if (error instanceof BusinessError) {
          logger.info(`job ${input.type} raised ${error.code}`, {
            jobKey: input.key,
            message: error.message,
          });
          return job.error(error.code, error.message);
        }
        // If the engine is unreachable too, the job's lock runs out and it comes back: nothing is spent.
        await failJob(zeebe, logger, input, error, policy).catch((failError: unknown) =>
          logger.warn(`job ${input.type} could not be failed`, {
            jobKey: input.key,
            error: String(failError),
          }),
        );
        return job.forward();
      }
    },
  });
}

/** Records on the dossier the incident a job failed into; a store that is down too only loses the mark. */
export async function noteIncident(logger: Logger, job: WorkerJob, message: string): Promise<void> {
  logger.error(`job ${job.type} failed with no retries left: incident`, {
    jobKey: job.key,
    processInstanceKey: job.processInstanceKey,
    elementId: job.elementId,
    error: message,
  });
  await recordIncident({
    processInstanceKey: job.processInstanceKey,
    elementId: job.elementId,
    message: `${job.type}: ${message}`,
  }).catch((error: unknown) =>
    logger.warn('could not record the incident on the dossier', { jobKey: job.key, error: String(error) }),
  );
}
