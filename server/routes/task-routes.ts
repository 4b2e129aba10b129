// The officers' inbox: list (filtered, with working days left), claim, unclaim and complete user tasks of the
// caller's agency.
import type { Router } from 'express';
import type { QueryFilter } from 'mongoose';
import {
  type WorkingCalendar,
  addDays,
  dayOfWeek,
  startOfLocalDay,
  toLocalDate,
} from '../../processes/calendar';
import { taskRoutes, type CompleteTaskBody, type ListTasksQuery } from '../api-schemas/tasks';
import { recordAudit } from '../domain/audit-trail';
import { loadWorkingCalendar } from '../domain/holiday-calendar';
import { processHealthView } from '../domain/process-health';
import { claimTask, completeTask, unclaimTask, visibleTasksFilter } from '../domain/task-completion';
import { forbidden } from '../errors/api-error';
import type { AppDeps } from '../http/app-deps';
import { mountRoute } from '../http/route';
import { DossierModel } from '../models/Dossier';
import { TaskModel, type Task } from '../models/Task';

const PAGE = 200;
/** At most this many working days left (after today) and the task is near its due date. */
const NEAR_DUE_WORKING_DAYS = 1;

type Urgency = 'overdue' | 'near-due' | 'on-track' | 'none';

/** Working days left from today (Vietnam's local day) to the due day: 0 = due later today, negative = late. */
function urgencyOf(dueAt: Date | undefined, now: Date, calendar: WorkingCalendar) {
  if (!dueAt) return { urgency: 'none' as Urgency };
  const remainingWorkingDays = calendar.workingDaysBetween(toLocalDate(now), toLocalDate(dueAt));
  const urgency: Urgency =
    dueAt < now ? 'overdue' : remainingWorkingDays <= NEAR_DUE_WORKING_DAYS ? 'near-due' : 'on-track';
  return { urgency, remainingWorkingDays };
}

function dueWindow(due: NonNullable<ListTasksQuery['due']>, now: Date) {
  if (due === 'overdue') return { $lt: now };
  const today = toLocalDate(now);
  // The local week runs Monday to Sunday: "this week" ends where next Monday starts.
  const days = due === 'today' ? 1 : (8 - dayOfWeek(today)) % 7 || 7;
  return { $gte: now, $lt: startOfLocalDay(addDays(today, days)) };
}

export function mountTaskRoutes(router: Router, deps: AppDeps): void {
  mountRoute(router, taskRoutes.list, async (_req, res) => {
    const user = res.locals.ctx.auth!.user;
    const visible = visibleTasksFilter(user);
    if (!visible) throw forbidden();
    const query = res.locals.query as unknown as ListTasksQuery;
    const now = new Date();
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
    const filter = and.length ? { ...base, $and: and } : base;
    const [dated, all, calendar] = await Promise.all([
      TaskModel.find({ ...filter, dueAt: query.due ? dueWindow(query.due, now) : { $exists: true } })
        .sort({ dueAt: 1, createdAt: 1 })
        .limit(PAGE)
        .lean(),
      // Counts per urgency cover every task the other filters leave, whatever the due window.
      TaskModel.find(filter, { dueAt: 1, assignee: 1 }).lean(),
      loadWorkingCalendar(deps.logger),
    ]);
    // Tasks without a due date come after all dated ones (the store would sort them first).
    const undated =
      query.due || dated.length === PAGE
        ? []
        : await TaskModel.find({ ...filter, dueAt: { $exists: false } })
            .sort({ createdAt: 1 })
            .limit(PAGE - dated.length)
            .lean();
    const tasks = [...dated, ...undated];
    const counts = { total: all.length, overdue: 0, 'near-due': 0, 'on-track': 0, none: 0, unclaimed: 0 };
    for (const task of all) {
      counts[urgencyOf(task.dueAt, now, calendar).urgency]++;
      if (!task.assignee) counts.unclaimed++;
    }
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
          processHealth: processHealthView(d.processHealth, res.locals.ctx.lang, user),
        },
      ]),
    );
    res.json({
      items: tasks.map(({ variables: _v, completingAt: _c, completingBy: _b, ...task }) => ({
        ...task,
        ...dossiers.get(task.dossier.toHexString()),
        ...(task.state === 'open' ? urgencyOf(task.dueAt, now, calendar) : {}),
      })),
      counts,
    });
  });

  mountRoute(router, taskRoutes.claim, async (_req, res) => {
    const { id } = res.locals.params as { id: string };
    res.json(await claimTask(id, res.locals.ctx.auth!.user));
  });

  mountRoute(router, taskRoutes.unclaim, async (_req, res) => {
    const { id } = res.locals.params as { id: string };
    const { task, previous } = await unclaimTask(id, res.locals.ctx.auth!.user);
    if (previous) {
      await recordAudit(res.locals.ctx, {
        action: 'task.unclaim',
        target: { kind: 'task', id, key: task.dossierCode },
        details: { elementId: task.elementId, previousAssignee: previous },
      });
    }
    res.json(task);
  });

  mountRoute(router, taskRoutes.complete, async (req, res) => {
    const { id } = res.locals.params as { id: string };
    const { variables } = req.body as CompleteTaskBody;
    const task = await completeTask(id, res.locals.ctx.auth!.user, variables, deps.engine);
    await recordAudit(res.locals.ctx, {
      action: 'task.complete',
      target: { kind: 'task', id, key: task.dossierCode },
      details: {
        elementId: task.elementId,
        dossierCode: task.dossierCode,
        ...(typeof variables.decision === 'string' ? { decision: variables.decision } : {}),
        // The names the officer set (all declared by the task); the reasons themselves are on the dossier's slips.
        variables: Object.keys(variables),
      },
    });
    res.json(task);
  });
}
