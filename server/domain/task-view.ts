// What the API shows of an inbox task, the same in the list and in the answers of claim, unclaim and complete: the
// task as an officer reads it, never its process variables, its result or the engine's handles.
import type { Task } from '../models/Task';

export function taskView(task: Task) {
  return {
    _id: task._id.toHexString(),
    name: task.name,
    elementId: task.elementId,
    bpmnProcessId: task.bpmnProcessId,
    ...(task.formKey ? { formKey: task.formKey } : {}),
    dossierCode: task.dossierCode,
    candidateGroups: task.candidateGroups,
    ...(task.assignee ? { assignee: task.assignee } : {}),
    ...(task.dueAt ? { dueAt: task.dueAt } : {}),
    ...(task.followUpAt ? { followUpAt: task.followUpAt } : {}),
    state: task.state,
    createdAt: task.createdAt,
    ...(task.completedAt ? { completedAt: task.completedAt } : {}),
  };
}
