// The officers' inbox: activates Zeebe 8.3 job-based user tasks (`io.camunda.zeebe:userTask`) and mirrors each
// into a Task row (keyed by the job key) of the agency whose share of the dossier the instance is
// (server/domain/dossier-instances.ts: by its instance key, never by a variable a task could have set).
// The job stays open in the engine; the API completes it when the officer does (server/domain/task-completion.ts),
// which the engine accepts whether the job is locked or not. The lock is short, not Tasklist's month: a bridge
// that dies before storing the row leaves the job to come back within the lock, and a job that comes back with
// its row stored only refreshes the row's variables.
import type { ZBClient } from 'zeebe-node';
import type { Logger } from '../server/config/logger';
import { AgencyModel } from '../server/models/Agency';
import {
  dossierOfInstance,
  InstanceMismatchError,
  OrphanInstanceError,
  UnknownInstanceError,
} from '../server/domain/dossier-instances';
import { TaskModel } from '../server/models/Task';
import { failJob, noteIncident, toWorkerJob, type WorkerJob } from './job-handler';
import { cancelOrphan } from './orphan-instance';
import { FAULT_VARIABLE, INFRASTRUCTURE_FAULT_BUDGET_MS, type FaultPolicy } from './infrastructure-fault';

export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';
/** How long the bridge holds a user-task job: the longest a task can stay out of the inbox after a crash. */
export const USER_TASK_LOCK_MS = 10 * 60_000;

function list(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
  } catch {
    return value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  }
}

function date(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** The dossier was never bound to this instance, or its agency is unknown: only an operator can help. */
class UnboundTaskError extends Error {}

export function startUserTaskBridge(
  zeebe: ZBClient,
  logger: Logger,
  options: { lockMs?: number; faultPolicy?: FaultPolicy } = {},
) {
  const policy = options.faultPolicy ?? { budgetMs: INFRASTRUCTURE_FAULT_BUDGET_MS };
  return zeebe.createWorker({
    taskType: USER_TASK_JOB_TYPE,
    timeout: options.lockMs ?? USER_TASK_LOCK_MS,
    maxJobsToActivate: 32,
    loglevel: 'NONE',
    taskHandler: async (job) => {
      const input = toWorkerJob(job);
      try {
        await mirrorTask(input);
      } catch (error) {
        if (error instanceof OrphanInstanceError) return cancelOrphan(zeebe, logger, job, error);
        // If the engine is unreachable too (or the job came back meanwhile), its lock runs out and it comes back.
        await failTask(zeebe, logger, input, error, policy).catch((failError: unknown) =>
          logger.warn('user task could not be failed', { jobKey: input.key, error: String(failError) }),
        );
      }
      return job.forward();
    },
  });
}

async function failTask(
  zeebe: ZBClient,
  logger: Logger,
  job: WorkerJob,
  error: unknown,
  policy: FaultPolicy,
): Promise<void> {
  if (!(error instanceof UnboundTaskError)) {
    // The store or engine unreachable: retries kept, the row stored when the job comes back.
    await failJob(zeebe, logger, job, error, policy);
    return;
  }
  logger.warn('user task without a known dossier or agency', { jobKey: job.key, reason: error.message });
  const errorMessage = `Nhiệm vụ không gắn với hồ sơ/cơ quan hợp lệ (${error.message})`;
  await zeebe.failJob({ jobKey: job.key, errorMessage, retries: 0, retryBackOff: 0 });
  await noteIncident(logger, job, errorMessage);
}

async function mirrorTask(job: WorkerJob): Promise<void> {
  const headers = job.customHeaders as Record<string, string | undefined>;
  const { [FAULT_VARIABLE]: _fault, ...variables } = job.variables;
  // Came back (lock run out): the row is there, only its variables are refreshed.
  const refreshed = await TaskModel.updateOne({ jobKey: job.key }, { $set: { variables } });
  if (refreshed.matchedCount > 0) return;
  // The instance's dossier and agency, as the system bound them; the variables are only cross-checked.
  const share = await dossierOfInstance(job).catch((error: unknown) => {
    if (error instanceof UnknownInstanceError || error instanceof InstanceMismatchError) {
      throw new UnboundTaskError(error.message);
    }
    throw error;
  });
  const agency = await AgencyModel.findOne({ code: share.agencyCode }, { _id: 1 }).lean();
  if (!agency) throw new UnboundTaskError(`cơ quan ${share.agencyCode}`);
  const { dossier } = share;
  const dueAt = date(headers['io.camunda.zeebe:dueDate']);
  const followUpAt = date(headers['io.camunda.zeebe:followUpDate']);
  const assignee = headers['io.camunda.zeebe:assignee'];
  const formKey = headers['io.camunda.zeebe:formKey'];
  await TaskModel.updateOne(
    { jobKey: job.key },
    {
      $setOnInsert: {
        jobKey: job.key,
        processInstanceKey: job.processInstanceKey,
        bpmnProcessId: job.bpmnProcessId,
        elementId: job.elementId,
        name: headers.name ?? job.elementId,
        dossier: dossier._id,
        dossierCode: dossier.code,
        agency: agency._id,
        candidateGroups: list(headers['io.camunda.zeebe:candidateGroups']),
        candidateUsers: list(headers['io.camunda.zeebe:candidateUsers']),
        state: 'open',
        ...(assignee ? { assignee } : {}),
        ...(formKey ? { formKey } : {}),
        ...(dueAt ? { dueAt } : {}),
        ...(followUpAt ? { followUpAt } : {}),
      },
      $set: { variables },
    },
    { upsert: true },
  );
}
