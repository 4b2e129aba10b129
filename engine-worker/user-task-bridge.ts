// The officers' inbox: activates Zeebe 8.3 job-based user tasks (`io.camunda.zeebe:userTask`) with a long lock,
// as Tasklist does, and mirrors each into a Task row of the agency whose share of the dossier the instance is
// (server/domain/dossier-instances.ts: by its instance key, never by a variable a task could have set).
// The job stays open in the engine; the API completes it when the officer does (server/domain/task-completion.ts).
import type { ZBClient } from 'zeebe-node';
import type { Logger } from '../server/logger';
import { noteIncident, toWorkerJob } from './job-handler';
import { AgencyModel } from '../server/models/Agency';
import { dossierOfInstance, OrphanInstanceError } from '../server/domain/dossier-instances';
import { TaskModel } from '../server/models/Task';
import { cancelOrphan } from './orphan-instance';

export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';
/** Zeebe's Tasklist locks user-task jobs for a very long time; 30 days here, renewed when re-activated. */
const USER_TASK_LOCK_MS = 30 * 24 * 3_600_000;

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

export function startUserTaskBridge(zeebe: ZBClient, logger: Logger) {
  return zeebe.createWorker({
    taskType: USER_TASK_JOB_TYPE,
    timeout: USER_TASK_LOCK_MS,
    maxJobsToActivate: 32,
    loglevel: 'NONE',
    taskHandler: async (job) => {
      const headers = job.customHeaders as unknown as Record<string, string | undefined>;
      const variables = job.variables as Record<string, unknown>;
      // The instance's dossier and agency, as the system bound them; the variables are only cross-checked.
      const share = await dossierOfInstance({
        processInstanceKey: String(job.processInstanceKey),
        bpmnProcessId: job.bpmnProcessId,
        variables,
      }).catch((error: Error) => error);
      if (share instanceof OrphanInstanceError) return cancelOrphan(zeebe, logger, job, share);
      const agency =
        share instanceof Error
          ? null
          : await AgencyModel.findOne({ code: share.agencyCode }, { _id: 1 }).lean();
      if (share instanceof Error || !agency) {
        const reason = share instanceof Error ? share.message : `cơ quan ${share.agencyCode}`;
        logger.warn('user task without a known dossier or agency', { jobKey: String(job.key), reason });
        const errorMessage = `Nhiệm vụ không gắn với hồ sơ/cơ quan hợp lệ (${reason})`;
        const failed = await job.fail({ errorMessage, retries: 0 });
        await noteIncident(logger, toWorkerJob(job), errorMessage);
        return failed;
      }
      const { dossier } = share;
      const dueAt = date(headers['io.camunda.zeebe:dueDate']);
      const followUpAt = date(headers['io.camunda.zeebe:followUpDate']);
      const assignee = headers['io.camunda.zeebe:assignee'];
      const formKey = headers['io.camunda.zeebe:formKey'];
      await TaskModel.updateOne(
        { jobKey: String(job.key) },
        {
          $setOnInsert: {
            jobKey: String(job.key),
            processInstanceKey: String(job.processInstanceKey),
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
      return job.forward();
    },
  });
}
