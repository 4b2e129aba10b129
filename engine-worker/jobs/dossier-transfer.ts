// dossier.transfer (Chuyển liên thông): hands the dossier to the agency with the role in `toAgencyRole`
// (forward) or back to the agency that received it (return). One keyed dossier update writes the hand-over row
// of the process control slip (Mẫu 06) and makes the dossier visible to that agency's officers; then the
// message `messageName`, correlated on the dossier code with messageId `<dossierCode>:<messageName>`, starts or
// continues that agency's process. A retried job publishes the same messageId, which the engine drops.
import { classifyCompletion } from '../../processes/calendar';
import { changeDossier } from '../../server/domain/dossier-events';
import { EngineError } from '../../server/engine/engine-errors';
import { AgencyModel, type Agency } from '../../server/models/Agency';
import type { Dossier } from '../../server/models/Dossier';
import { effectKey, header, jobActor, loadShare } from '../dossier-job';
import type { JobDefinition, WorkerJob } from '../job-handler';
import type { WorkerDeps } from '../worker-deps';

const MESSAGE_TTL_MS = 30 * 24 * 3_600_000;

async function targetAgency(job: WorkerJob, dossier: Dossier, direction: string): Promise<Agency> {
  if (direction === 'return') {
    const receiving = await AgencyModel.findOne({ code: dossier.receivingAgencyCode }).lean();
    if (!receiving) throw new Error(`Không tìm thấy cơ quan tiếp nhận ${dossier.receivingAgencyCode}`);
    return receiving;
  }
  const role = header(job, 'toAgencyRole');
  const candidates = await AgencyModel.find({ roles: role }).lean();
  if (!candidates.length) throw new Error(`Không có cơ quan nào có vai trò '${role}' để chuyển liên thông`);
  // Prefer the agency under the same parent as the receiving one (the same commune's police, say).
  const receiving = await AgencyModel.findOne({ code: dossier.receivingAgencyCode }, { parent: 1 }).lean();
  const near = candidates.find((a) => receiving?.parent && a.parent?.equals(receiving.parent));
  return near ?? candidates[0]!;
}

type Message = Parameters<WorkerDeps['engine']['publishMessage']>[0];

/**
 * The engine refuses a second message with the same messageId while the first is buffered: for a job that comes
 * back after its worker died past the publish, that refusal means the message is already on its way.
 */
async function publishOnce(deps: WorkerDeps, message: Message) {
  try {
    await deps.engine.publishMessage(message);
  } catch (error) {
    if (error instanceof EngineError && error.kind === 'already_exists') return;
    throw error;
  }
}

export function transferJob(deps: WorkerDeps): JobDefinition {
  return {
    type: 'dossier.transfer',
    async handler(job: WorkerJob) {
      const { dossier, agencyCode: from } = await loadShare(job);
      const direction = header(job, 'direction', ['forward', 'return']);
      const messageName = header(job, 'messageName');
      const to = await targetAgency(job, dossier, direction);
      const key = effectKey(job, 'handover');
      const givenAt = new Date();
      const stepDueAt =
        typeof job.variables.stepDueAt === 'string' ? new Date(job.variables.stepDueAt) : undefined;
      await changeDossier(dossier._id, {
        event: {
          actor: await jobActor(job, dossier),
          action: direction === 'forward' ? 'dossier.transferred' : 'dossier.result-returned-to-receiver',
          key,
          elementId: job.elementId,
          agencyCode: to.code,
          note: `${from} → ${to.code}`,
        },
        subStatus: direction === 'forward' ? 'awaiting-interagency' : 'interagency-result-received',
        transferTo: to._id,
        push: {
          handovers: {
            key,
            step: job.elementId,
            fromAgencyCode: from,
            toAgencyCode: to.code,
            givenAt,
            ...(stepDueAt && !Number.isNaN(stepDueAt.getTime())
              ? {
                  dueAt: stepDueAt,
                  // Handing the result back closes this agency's step: graded against its share of the time.
                  ...(direction === 'return'
                    ? { timing: classifyCompletion(givenAt, stepDueAt, 'working-days') }
                    : {}),
                }
              : {}),
          },
        },
      });
      await publishOnce(deps, {
        name: messageName,
        correlationKey: dossier.code,
        messageId: `${dossier.code}:${messageName}`,
        timeToLiveMs: MESSAGE_TTL_MS,
        variables: {
          dossierId: dossier._id.toHexString(),
          dossierCode: dossier.code,
          procedureCode: dossier.procedure.code,
          agencyCode: direction === 'forward' ? to.code : dossier.receivingAgencyCode,
          channel: dossier.channel,
          // A partner's result: the lead's receive task maps it (residenceDecision, …) without touching its own.
          ...(direction === 'return' && typeof job.variables.decision === 'string'
            ? { decision: job.variables.decision }
            : {}),
        },
      });
      return {};
    },
  };
}
