// The officer's side of a user task: who sees it (their agency, their candidate groups or claimed by them),
// claiming it, and completing it in the engine. Completion takes a short lock on the task row first, so two
// officers finishing the same task give one completion and one clear 409, never two engine calls that race.
import type { Types } from 'mongoose';
import { ApiError, conflict, forbidden, notFound } from '../errors/api-error';
import type { EngineClient } from '../engine/engine-client';
import { EngineError } from '../engine/engine-errors';
import type { AuthUser } from '../auth/caller';
import { TaskModel, type Task } from '../models/Task';
import { changeDossier } from './dossier-events';
import { assertTaskVariables } from './task-variables';

/** A completion that crashed half-way releases its lock after this long. */
const COMPLETION_LOCK_MS = 2 * 60_000;

export function visibleTasksFilter(user: AuthUser) {
  if (!user.agency) return undefined;
  return {
    agency: user.agency.id,
    $or: [
      { candidateGroups: { $in: user.groups } },
      { assignee: user.username },
      { candidateUsers: user.username },
    ],
  };
}

async function visibleTask(id: string, user: AuthUser): Promise<Task> {
  const filter = visibleTasksFilter(user);
  const task = filter ? await TaskModel.findOne({ _id: id, ...filter }).lean() : null;
  if (!task) throw notFound('task');
  return task;
}

function assertOpenFor(task: Task, user: AuthUser): void {
  if (task.state !== 'open') throw conflict('task_not_open', { state: task.state });
  if (task.assignee && task.assignee !== user.username) {
    throw conflict('task_claimed_by_other', { assignee: task.assignee });
  }
}

export async function claimTask(id: string, user: AuthUser): Promise<Task> {
  const task = await visibleTask(id, user);
  assertOpenFor(task, user);
  const claimed = await TaskModel.findOneAndUpdate(
    { _id: task._id, state: 'open', $or: [{ assignee: { $exists: false } }, { assignee: user.username }] },
    { $set: { assignee: user.username } },
    { returnDocument: 'after', lean: true },
  );
  if (claimed) return claimed;
  // Someone else completed or claimed it in between: answer as if the request had come a moment later.
  const current = await visibleTask(id, user);
  assertOpenFor(current, user);
  return current;
}

export async function completeTask(
  id: string,
  user: AuthUser,
  variables: Record<string, unknown>,
  engine: EngineClient | undefined,
  now = new Date(),
): Promise<Task> {
  if (!engine) throw new ApiError(503, 'engine_unavailable');
  const task = await visibleTask(id, user);
  assertOpenFor(task, user);
  await assertTaskVariables(task, variables);
  const locked = await TaskModel.findOneAndUpdate(
    {
      _id: task._id,
      state: 'open',
      $or: [
        { completingAt: { $exists: false } },
        { completingAt: { $lt: new Date(now.getTime() - COMPLETION_LOCK_MS) } },
      ],
    },
    { $set: { completingAt: now, completingBy: { userId: user.id, username: user.username } } },
    { returnDocument: 'after', lean: true },
  );
  if (!locked) throw conflict('task_not_open', { state: 'completed' });
  try {
    await engine.completeJob(task.jobKey, variables);
  } catch (error) {
    if (error instanceof EngineError && error.kind === 'not_found') {
      await TaskModel.updateOne(
        { _id: task._id, state: 'open' },
        { $set: { state: 'cancelled' }, $unset: { completingAt: '', completingBy: '' } },
      );
      throw conflict('task_gone');
    }
    await TaskModel.updateOne({ _id: task._id }, { $unset: { completingAt: '', completingBy: '' } });
    throw error;
  }
  const completed = await TaskModel.findOneAndUpdate(
    { _id: task._id },
    {
      $set: {
        state: 'completed',
        completedAt: now,
        completedBy: user.id,
        result: variables,
        assignee: user.username,
      },
      $unset: { completingAt: '', completingBy: '' },
    },
    { returnDocument: 'after', lean: true },
  );
  await recordOnDossier(task, user, variables, now);
  return completed!;
}

async function recordOnDossier(task: Task, user: AuthUser, variables: Record<string, unknown>, at: Date) {
  const decision = typeof variables.decision === 'string' ? variables.decision : undefined;
  const event = {
    at,
    actor: { kind: 'user' as const, userId: user.id, username: user.username },
    action: 'task.completed' as const,
    elementId: task.elementId,
    agency: task.agency as Types.ObjectId,
    key: `task:${task.jobKey}`,
    note: `${task.name}${decision ? `: ${decision}` : ''}`,
  };
  // The first officer's work moves an accepted dossier into processing (status 4).
  const moved = await changeDossier(task.dossier, { event, status: 4, onlyFrom: [2] });
  if (!moved) await changeDossier(task.dossier, { event });
}

/**
 * Hands a claimed task back to its groups. Only its assignee or a leader of the task's agency may; a task done,
 * cancelled or being completed right now answers 409 and stays as it is. An unclaimed task is returned as is.
 */
export async function unclaimTask(id: string, user: AuthUser): Promise<{ task: Task; previous?: string }> {
  if (!user.agency) throw notFound('task');
  const task = await TaskModel.findOne({ _id: id, agency: user.agency.id }).lean();
  const leader = user.roles.includes('leader');
  if (!task || (!leader && !visibleTo(task, user))) throw notFound('task');
  if (task.state !== 'open') throw conflict('task_not_open', { state: task.state });
  if (!task.assignee) return { task };
  if (task.assignee !== user.username && !leader) throw forbidden();
  const released = await TaskModel.findOneAndUpdate(
    { _id: task._id, state: 'open', assignee: task.assignee, completingAt: { $exists: false } },
    { $unset: { assignee: '' } },
    { returnDocument: 'after', lean: true },
  );
  if (released) return { task: released, previous: task.assignee };
  // Completed (or being completed), or claimed anew, in between: say what it is now.
  const current = await TaskModel.findOne({ _id: task._id }).lean();
  if (!current || current.state !== 'open' || current.completingAt) {
    throw conflict('task_not_open', { state: current?.state === 'cancelled' ? 'cancelled' : 'completed' });
  }
  if (!current.assignee) return { task: current };
  throw conflict('task_claimed_by_other', { assignee: current.assignee });
}

function visibleTo(task: Task, user: AuthUser): boolean {
  return (
    task.assignee === user.username ||
    task.candidateUsers.includes(user.username) ||
    task.candidateGroups.some((g) => user.groups.includes(g))
  );
}
