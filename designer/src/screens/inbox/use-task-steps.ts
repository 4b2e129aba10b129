// What the inbox knows of each task's step from its procedure's published models: the step's name (rows carry
// only the element id) and the decisions the process routes on after it.
import { useEffect, useMemo, useState } from 'react';
import { workspaceApi, type Task } from '../../api/workspace-api';
import { elementName, taskPaths } from '../task/task-paths';

export function useTaskSteps(tasks: Task[] | null) {
  // Published models per procedure code.
  const [models, setModels] = useState<Record<string, string[]>>({});

  useEffect(() => {
    const missing = [...new Set(tasks?.map((x) => x.procedure?.code).filter(Boolean) as string[])].filter(
      (code) => !(code in models),
    );
    if (!missing.length) return;
    setModels((known) => ({ ...known, ...Object.fromEntries(missing.map((code) => [code, []])) }));
    for (const code of missing) {
      workspaceApi
        .procedure(code)
        .then((p) => p.versions.map((v) => v.bpmnXml).filter((x): x is string => !!x))
        .catch(() => [])
        .then((xmls) => setModels((known) => ({ ...known, [code]: xmls })));
    }
  }, [tasks, models]);

  const names = useMemo(() => {
    const found = new Map<string, string>();
    for (const task of tasks ?? []) {
      for (const xml of models[task.procedure?.code ?? ''] ?? []) {
        const name = elementName(xml, task.bpmnProcessId, task.elementId);
        if (name) {
          found.set(task._id, name);
          break;
        }
      }
    }
    return found;
  }, [tasks, models]);

  const decisionsFor = (task: Task) => {
    for (const xml of models[task.procedure?.code ?? ''] ?? []) {
      const { decisions } = taskPaths(xml, task.bpmnProcessId, task.elementId);
      if (decisions.length) return decisions;
    }
    return undefined;
  };

  return { names, decisionsFor };
}
