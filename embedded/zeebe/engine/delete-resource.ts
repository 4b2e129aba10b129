// DeleteResource of a process definition (Zeebe 8.5+): its running instances are cancelled, it takes no new
// instances, and the highest remaining version of its process id becomes the latest again, start events too.
import type { Engine } from './engine';
import * as events from './events';
import { Rejection } from './rejection';

export function deleteProcessDefinition(engine: Engine, key: number): void {
  const s = engine.state;
  const def = s.processes[key];
  if (!def) {
    throw new Rejection(
      'NOT_FOUND',
      'DELETE',
      `Expected to delete resource but no resource found with key '${key}'`,
    );
  }
  const running = Object.values(s.elements).filter(
    (e) => e.elementType === 'process' && e.processDefinitionKey === key && e.state === 'ACTIVATED',
  );
  // Checked before anything changes: a refused deletion leaves the state as it was.
  const called = running.find((root) => root.parentProcessInstanceKey !== undefined);
  if (called) {
    throw new Rejection(
      'INVALID_STATE',
      'DELETE',
      `Expected to delete process definition with key '${key}', but its instance '${called.key}' was called by process instance '${called.parentProcessInstanceKey}': cancel that instance first`,
    );
  }
  for (const root of running) engine.terminate(root);
  for (const timer of Object.values(s.timers)) {
    if (timer.kind === 'start' && timer.processDefinitionKey === key) delete s.timers[timer.key];
  }
  delete s.processes[key];
  engine.models.delete(key);
  const versions = (s.deletedProcessVersions ??= {});
  versions[def.bpmnProcessId] = Math.max(versions[def.bpmnProcessId] ?? 0, def.version);
  if (s.latest[def.bpmnProcessId] !== key) return;
  const previous = Object.values(s.processes)
    .filter((p) => p.bpmnProcessId === def.bpmnProcessId)
    .sort((a, b) => b.version - a.version)[0];
  if (!previous) {
    delete s.latest[def.bpmnProcessId];
    return;
  }
  s.latest[def.bpmnProcessId] = previous.key;
  const model = engine.models.get(previous.key);
  if (model) events.scheduleStartTimers(engine, previous.key, model);
}
