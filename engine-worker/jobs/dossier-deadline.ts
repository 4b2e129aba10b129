// dossier.deadline (Tính hạn / cảnh báo hạn). Actions (task header `action`):
// compute — the legal due date (and this agency's step due date when the task has `step` and
//           `shareWorkingDays`), handed to the model's timers as ISO dates;
// warn    — the near-due warning on the timeline;
// overdue — the apology and re-appointment slip (Mẫu 04) with a new appointment (`extensionWorkingDays`,
//           default 2); the legal due date stays, so the dossier still counts late;
// resume  — after the citizen's supplement: the supplied documents digitised (hashed, pages counted), as
//           dossier.scan does at intake, and the due date again with the waiting time added back.
import {
  atLocalTime,
  closingOf,
  computeDueDate,
  defaultOfficeHours,
  toLocalDate,
} from '../../processes/calendar';
import { digitiseDocuments } from '../../server/domain/document-digitising';
import { changeDossier } from '../../server/domain/dossier-events';
import type { Dossier, TimelineEvent } from '../../server/models/Dossier';
import { currentCalendar } from '../calendar-source';
import { effectKey, header, jobActor, loadDossier, toVietnamIso } from '../dossier-job';
import type { JobDefinition, WorkerJob } from '../job-handler';
import type { StoredApology } from '../../server/slips/apology/data';
import { issueSlip } from '../slips';
import type { WorkerDeps } from '../worker-deps';

const CLOSING_MINUTES = closingOf(defaultOfficeHours);

export async function legalDueDate(deps: WorkerDeps, dossier: Dossier) {
  if (!dossier.receivedAt) throw new Error(`Hồ sơ ${dossier.code} chưa được tiếp nhận: chưa tính được hạn`);
  return computeDueDate({
    receivedAt: dossier.receivedAt,
    timeLimit: dossier.procedure.timeLimit,
    channel: dossier.channel,
    calendar: await currentCalendar(deps.logger),
    pauses: (dossier.supplementRequests ?? []).map((r) => ({
      from: r.requestedAt,
      ...(r.suppliedAt ? { to: r.suppliedAt } : {}),
    })),
  });
}

type Actor = TimelineEvent['actor'];

async function compute(deps: WorkerDeps, job: WorkerJob, dossier: Dossier, actor: Actor) {
  const due = await legalDueDate(deps, dossier);
  const output: Record<string, unknown> = {
    ...(due.dueAt ? { dueAt: toVietnamIso(due.dueAt) } : {}),
    ...(due.warnAt ? { warnAt: toVietnamIso(due.warnAt) } : {}),
  };
  const step = job.customHeaders.step;
  if (step) {
    const share = Number(header(job, 'shareWorkingDays'));
    if (!Number.isInteger(share) || share < 0)
      throw new Error(`shareWorkingDays of ${job.elementId} must be ≥ 0`);
    const calendar = await currentCalendar(deps.logger);
    const startedAt = new Date();
    const stepDueAt = atLocalTime(calendar.addWorkingDays(toLocalDate(startedAt), share), CLOSING_MINUTES);
    // The step's event and its deadline in one keyed update; a redelivered job reads back the stored due date.
    const started = await changeDossier(dossier._id, {
      event: {
        actor,
        action: 'step.started',
        key: effectKey(job, 'step'),
        elementId: job.elementId,
        note: step,
      },
      push: { stepDeadlines: { step, elementId: job.elementId, startedAt, dueAt: stepDueAt } },
    });
    const stored = started?.stepDeadlines.findLast((s) => s.step === step && s.elementId === job.elementId);
    output.stepDueAt = toVietnamIso(stored?.dueAt ?? stepDueAt);
  }
  if (due.dueAt && dossier.dueAt?.getTime() !== due.dueAt.getTime()) {
    await changeDossier(dossier._id, {
      event: {
        actor,
        action: 'deadline.computed',
        key: effectKey(job, 'due'),
        elementId: job.elementId,
      },
      set: { dueAt: due.dueAt, ...(dossier.appointmentAt ? {} : { appointmentAt: due.dueAt }) },
    });
  }
  return output;
}

async function overdue(deps: WorkerDeps, job: WorkerJob, dossier: Dossier, actor: Actor) {
  const extension = Number(job.customHeaders.extensionWorkingDays ?? '2');
  const calendar = await currentCalendar(deps.logger);
  const newAppointment = atLocalTime(
    calendar.addWorkingDays(toLocalDate(new Date()), extension),
    CLOSING_MINUTES,
  );
  const apology: StoredApology = {
    agencyCode: dossier.receivingAgencyCode,
    dossierCode: dossier.code,
    applicant: dossier.applicant,
    procedure: { code: dossier.procedure.code, name: dossier.procedure.name },
    receivedAt: dossier.receivedAt?.toISOString(),
    previousAppointmentAt: (dossier.appointmentAt ?? dossier.dueAt)?.toISOString(),
    newAppointmentAt: newAppointment.toISOString(),
    reason: String(
      job.variables.overdueReason ?? 'Hồ sơ chưa giải quyết xong trong thời hạn hẹn trả kết quả',
    ),
  };
  const updated = await issueSlip(dossier, 'apology', effectKey(job, 'apology'), apology, {
    actor,
    action: 'dossier.overdue',
    elementId: job.elementId,
    set: { appointmentAt: newAppointment },
  });
  return { appointmentAt: toVietnamIso(updated?.appointmentAt ?? newAppointment) };
}

async function deadline(deps: WorkerDeps, job: WorkerJob) {
  const dossier = await loadDossier(job);
  const actor = await jobActor(job, dossier);
  const action = header(job, 'action', ['compute', 'warn', 'overdue', 'pause', 'resume']);
  switch (action) {
    case 'compute':
      return compute(deps, job, dossier, actor);
    case 'resume':
      // Every model's supplement path passes here right after dossier.supplemented, which stores the supplied
      // documents undigitised; the intake-stage supplement goes back through dossier.scan instead.
      await digitiseDocuments(dossier._id, {
        actor,
        action: 'dossier.digitised',
        key: effectKey(job, 'scan'),
        elementId: job.elementId,
      });
      return compute(deps, job, dossier, actor);
    case 'warn':
      await changeDossier(dossier._id, {
        event: {
          actor,
          action: 'deadline.warning',
          key: effectKey(job, 'warn'),
          elementId: job.elementId,
        },
      });
      return {};
    case 'overdue':
      return overdue(deps, job, dossier, actor);
    default:
      // The clock pauses when the supplement request is recorded (dossier.supplement); nothing more to do here.
      return {};
  }
}

export function deadlineJob(deps: WorkerDeps): JobDefinition {
  return { type: 'dossier.deadline', handler: (job) => deadline(deps, job) };
}
