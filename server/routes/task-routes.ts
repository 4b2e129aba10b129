// The officers' inbox: list, claim and complete user tasks of the caller's agency.
import type { Router } from 'express';
import { taskRoutes, type CompleteTaskBody, type ListTasksQuery } from '../api-schemas/tasks';
import { recordAudit } from '../domain/audit-trail';
import { claimTask, completeTask, visibleTasksFilter } from '../domain/task-completion';
import { forbidden } from '../errors/api-error';
import type { AppDeps } from '../http/app-deps';
import { mountRoute } from '../http/route';
import { TaskModel } from '../models/Task';

const PAGE = 200;

export function mountTaskRoutes(router: Router, deps: AppDeps): void {
  mountRoute(router, taskRoutes.list, async (_req, res) => {
    const user = res.locals.ctx.auth!.user;
    const filter = visibleTasksFilter(user);
    if (!filter) throw forbidden();
    const query = res.locals.query as unknown as ListTasksQuery;
    const tasks = await TaskModel.find({
      ...filter,
      state: query.state ?? 'open',
      ...(query.mine === 'true' ? { assignee: user.username } : {}),
      ...(query.group ? { candidateGroups: query.group } : {}),
    })
      .sort({ dueAt: 1, createdAt: 1 })
      .limit(PAGE)
      .lean();
    res.json({ items: tasks.map(({ variables: _v, completingAt: _c, ...task }) => task) });
  });

  mountRoute(router, taskRoutes.claim, async (_req, res) => {
    const { id } = res.locals.params as { id: string };
    res.json(await claimTask(id, res.locals.ctx.auth!.user));
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
        ...(typeof variables.decision === 'string' ? { decision: variables.decision } : {}),
      },
    });
    res.json(task);
  });
}
