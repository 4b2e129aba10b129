// The officers' inbox: list (filtered, with working days left), claim, unclaim and complete user tasks of the
// caller's agency.
import type { Router } from 'express';
import { taskRoutes, type CompleteTaskBody, type ListTasksQuery } from '../api-schemas/tasks';
import { recordAudit } from '../domain/audit-trail';
import { loadWorkingCalendar } from '../domain/holiday-calendar';
import { countInboxTasks, inboxFilter, listInboxTasks } from '../domain/task-inbox';
import { claimTask, completeTask, unclaimTask, visibleTasksFilter } from '../domain/task-completion';
import { taskView } from '../domain/task-view';
import { forbidden } from '../errors/api-error';
import type { AppDeps } from '../http/app-deps';
import { mountRoute } from '../http/route';

export function mountTaskRoutes(router: Router, deps: AppDeps): void {
  mountRoute(router, taskRoutes.list, async (_req, res) => {
    const user = res.locals.ctx.auth!.user;
    const visible = visibleTasksFilter(user);
    if (!visible) throw forbidden();
    const query = res.locals.query as unknown as ListTasksQuery;
    const now = new Date();
    const [filter, calendar] = await Promise.all([
      inboxFilter(visible, user, query),
      loadWorkingCalendar(deps.logger),
    ]);
    const [items, counts] = await Promise.all([
      listInboxTasks(filter, query, user, res.locals.ctx.lang, now, calendar),
      countInboxTasks(filter, now, calendar),
    ]);
    res.json({ items, counts });
  });

  mountRoute(router, taskRoutes.claim, async (_req, res) => {
    const { id } = res.locals.params as { id: string };
    res.json(taskView(await claimTask(id, res.locals.ctx.auth!.user)));
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
    res.json(taskView(task));
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
    res.json(taskView(task));
  });
}
