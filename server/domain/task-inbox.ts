// The officers' inbox queries: the page of visible tasks (filtered, dated ones first, with working days left and
// the dossier's procedure and machine health) and the counts per urgency, counted by the store.
import type { QueryFilter } from 'mongoose';
import {
  type WorkingCalendar,
  addDays,
  dayOfWeek,
  startOfLocalDay,
  toLocalDate,
} from '../../processes/calendar';
import type { ListTasksQuery, Urgency } from '../api-schemas/tasks';
import type { AuthUser } from '../auth/caller';
import type { Lang } from '../errors/messages';
import { DossierModel } from '../models/Dossier';
import { TaskModel, type Task } from '../models/Task';
import { processHealthView } from './process-health';
import { taskView } from './task-view';

const PAGE = 200;
/** At most this many working days left (after today) and the task is near its due date. */
const NEAR_DUE_WORKING_DAYS = 1;

/** Working days left from today (Vietnam's local day) to the due day: 0 = due later today, negative = late. */
function urgencyOf(dueAt: Date | undefined, now: Date, calendar: WorkingCalendar) {
  if (!dueAt) return { urgency: 'none' as Urgency };
  const remainingWorkingDays = calendar.workingDaysBetween(toLocalDate(now), toLocalDate(dueAt));
  const urgency: Urgency =
    dueAt < now ? 'overdue' : remainingWorkingDays <= NEAR_DUE_WORKING_DAYS ? 'near-due' : 'on-track';
  return { urgency, remainingWorkingDays };
}

/**
 * Where "near due" ends: the start of the first local day more than NEAR_DUE_WORKING_DAYS working days after
 * today. Working days left only grow with the due day, so a task is near due exactly when due in [now, this).
 */
function nearDueEnd(now: Date, calendar: WorkingCalendar) {
  const today = toLocalDate(now);
  let day = today;
  while (calendar.workingDaysBetween(today, day) <= NEAR_DUE_WORKING_DAYS) day = addDays(day, 1);
  return startOfLocalDay(day);
}

function dueWindow(due: NonNullable<ListTasksQuery['due']>, now: Date) {
  if (due === 'overdue') return { $lt: now };
  const today = toLocalDate(now);
  // The local week runs Monday to Sunday: "this week" ends where next Monday starts.
  const days = due === 'today' ? 1 : (8 - dayOfWeek(today)) % 7 || 7;
  return { $gte: now, $lt: startOfLocalDay(addDays(today, days)) };
}

/** The tasks the query selects among those the user may see (any due window aside). */
export async function inboxFilter(
  visible: QueryFilter<Task>,
  user: AuthUser,
  query: ListTasksQuery,
): Promise<QueryFilter<Task>> {
  const base: QueryFilter<Task> = {
    ...visible,
    state: query.state ?? 'open',
    ...(query.group ? { candidateGroups: query.group } : {}),
  };
  const and: QueryFilter<Task>[] = [];
  if (query.mine === 'true') and.push({ assignee: user.username });
  if (query.claimed) and.push({ assignee: { $exists: query.claimed === 'true' } });
  if (query.procedure) {
    const dossiers = await DossierModel.find(
      { _id: { $in: await TaskModel.distinct('dossier', base) }, 'procedure.code': query.procedure },
      { _id: 1 },
    ).lean();
    and.push({ dossier: { $in: dossiers.map((d) => d._id) } });
  }
  return and.length ? { ...base, $and: and } : base;
}

/** One page of the selected tasks: dated ones by due date, then (without a due filter) the undated ones. */
export async function listInboxTasks(
  filter: QueryFilter<Task>,
  query: ListTasksQuery,
  user: AuthUser,
  lang: Lang,
  now: Date,
  calendar: WorkingCalendar,
) {
  const dated = await TaskModel.find({
    ...filter,
    dueAt: query.due ? dueWindow(query.due, now) : { $exists: true },
  })
    .sort({ dueAt: 1, createdAt: 1 })
    .limit(PAGE)
    .lean();
  // Tasks without a due date come after all dated ones (the store would sort them first).
  const undated =
    query.due || dated.length === PAGE
      ? []
      : await TaskModel.find({ ...filter, dueAt: { $exists: false } })
          .sort({ createdAt: 1 })
          .limit(PAGE - dated.length)
          .lean();
  const tasks = [...dated, ...undated];
  const dossiers = new Map(
    (
      await DossierModel.find(
        { _id: { $in: tasks.map((task) => task.dossier) } },
        { procedure: 1, processHealth: 1 },
      ).lean()
    ).map((d) => [
      d._id.toHexString(),
      {
        procedure: { code: d.procedure.code, name: d.procedure.name },
        processHealth: processHealthView(d.processHealth, lang, user),
      },
    ]),
  );
  return tasks.map((task) => {
    const dossier = dossiers.get(task.dossier.toHexString());
    return {
      ...taskView(task),
      ...(dossier ? { procedure: dossier.procedure } : {}),
      ...(dossier?.processHealth ? { processHealth: dossier.processHealth } : {}),
      ...(task.state === 'open' ? urgencyOf(task.dueAt, now, calendar) : {}),
    };
  });
}

/** Counts per urgency of every selected task, whatever the due window; the store counts, nothing is loaded. */
export async function countInboxTasks(filter: QueryFilter<Task>, now: Date, calendar: WorkingCalendar) {
  const count = (extra: QueryFilter<Task>) => TaskModel.countDocuments({ ...filter, ...extra });
  const [total, overdue, nearDue, none, unclaimed] = await Promise.all([
    count({}),
    count({ dueAt: { $lt: now } }),
    count({ dueAt: { $gte: now, $lt: nearDueEnd(now, calendar) } }),
    count({ dueAt: { $exists: false } }),
    TaskModel.countDocuments({ $and: [filter, { assignee: { $exists: false } }] }),
  ]);
  return {
    total,
    overdue,
    'near-due': nearDue,
    'on-track': total - overdue - nearDue - none,
    none,
    unclaimed,
  };
}
