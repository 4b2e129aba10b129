// One shape for every job worker: read the dossier the job is about, do the work, complete the job with the
// output variables. A BusinessError becomes a BPMN error the model catches; an unreachable store or engine fails
// the job with its retries kept and a growing back-off (infrastructure-fault.ts); anything else fails it with one
// retry fewer (an incident at zero).
import type { FailJobRequest, Job, ZBClient } from 'zeebe-node';
import type { Logger } from '../server/logger';
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
): Promise<void> {
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
        return job.complete((output ?? {}) as never);
      } catch (error) {
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
