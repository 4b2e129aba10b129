// The inbox's open tasks and counts for a query, reloaded when the query changes or after an action; the rows
// in the chosen due-date order.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiFailure } from '../../api/api-client';
import { workspaceApi, type Task, type TaskCounts, type TaskFilters } from '../../api/workspace-api';

export function useInboxTasks(query: TaskFilters, descending: boolean) {
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [counts, setCounts] = useState<TaskCounts | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(() => {
    workspaceApi
      .tasks(query)
      .then((answer) => {
        setTasks(answer.items);
        setCounts(answer.counts);
      })
      .catch((error: unknown) => setProblem(error instanceof ApiFailure ? error.message : String(error)));
  }, [query]);
  useEffect(load, [load]);

  // The server sorts by due date (undated last); descending keeps undated tasks last too.
  const rows = useMemo(() => {
    if (!tasks || !descending) return tasks;
    const dated = tasks.filter((x) => x.dueAt).reverse();
    return [...dated, ...tasks.filter((x) => !x.dueAt)];
  }, [tasks, descending]);

  return { tasks, rows, counts, problem, setProblem, load };
}
