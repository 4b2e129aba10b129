// JSON views of engine state for the inspection API.
import type { Engine } from '../engine/engine';
import type { ElementInstance } from '../engine/state';

const str = (n: number | null | undefined): string | null =>
  n === null || n === undefined ? null : String(n);

export function definitions(engine: Engine): unknown[] {
  return Object.values(engine.state.processes).map((p) => ({
    key: String(p.key),
    bpmnProcessId: p.bpmnProcessId,
    version: p.version,
    resourceName: p.resourceName,
    deploymentKey: String(p.deploymentKey),
    deployedAt: new Date(p.deployedAt).toISOString(),
    latest: engine.state.latest[p.bpmnProcessId] === p.key,
  }));
}

function instanceState(engine: Engine, root: ElementInstance): string {
  if (root.state === 'COMPLETED') return 'COMPLETED';
  if (root.state === 'TERMINATED') return 'CANCELED';
  const hasIncident = Object.values(engine.state.incidents).some((i) => i.processInstanceKey === root.key);
  return hasIncident ? 'INCIDENT' : 'ACTIVE';
}

function summary(engine: Engine, root: ElementInstance): Record<string, unknown> {
  return {
    key: String(root.key),
    bpmnProcessId: root.bpmnProcessId,
    version: root.version,
    processDefinitionKey: String(root.processDefinitionKey),
    state: instanceState(engine, root),
    parentProcessInstanceKey: str(root.parentProcessInstanceKey),
    parentElementInstanceKey: str(root.parentElementInstanceKey),
    startedAt: new Date(root.startedAt).toISOString(),
    endedAt: root.endedAt !== undefined ? new Date(root.endedAt).toISOString() : null,
  };
}

export function instances(engine: Engine, bpmnProcessId?: string, state?: string): unknown[] {
  const out: unknown[] = [];
  for (const ei of Object.values(engine.state.elements)) {
    if (ei.elementType !== 'process') continue;
    if (bpmnProcessId && ei.bpmnProcessId !== bpmnProcessId) continue;
    const view = summary(engine, ei);
    if (state && view.state !== state.toUpperCase()) continue;
    out.push(view);
  }
  return out;
}

export function instance(engine: Engine, key: number): Record<string, unknown> | undefined {
  const root = engine.el(key);
  if (!root || root.elementType !== 'process') return undefined;
  const keys = [...(engine.byInstance.get(key) ?? [])].sort((a, b) => a - b);
  const elements = keys
    .map((k) => engine.el(k))
    .filter((e): e is ElementInstance => e !== undefined && e.elementType !== 'process')
    .map((e) => ({
      key: String(e.key),
      elementId: e.elementId,
      elementType: e.elementType,
      state:
        e.state === 'ACTIVATING' || e.state === 'COMPLETING'
          ? 'ACTIVE'
          : e.state === 'ACTIVATED'
            ? 'ACTIVE'
            : e.state,
      flowScopeKey: str(e.flowScopeKey),
      jobKey: str(e.jobKey),
      childProcessInstanceKey: str(e.childProcessInstanceKey),
      startedAt: new Date(e.startedAt).toISOString(),
      endedAt: e.endedAt !== undefined ? new Date(e.endedAt).toISOString() : null,
    }));
  const variables = keys
    .filter((k) => engine.state.variables[k] !== undefined)
    .map((k) => ({ scopeKey: String(k), variables: engine.state.variables[k] }));
  return {
    ...summary(engine, root),
    elementInstances: elements,
    variables,
    incidents: incidents(engine).filter((i) => i.processInstanceKey === String(key)),
    jobs: jobs(engine).filter((j) => j.processInstanceKey === String(key)),
  };
}

export function incidents(engine: Engine): Array<Record<string, unknown>> {
  return Object.values(engine.state.incidents).map((i) => ({
    key: String(i.key),
    type: i.type,
    message: i.message,
    processInstanceKey: String(i.processInstanceKey),
    processDefinitionKey: String(i.processDefinitionKey),
    bpmnProcessId: i.bpmnProcessId,
    elementInstanceKey: String(i.elementInstanceKey),
    elementId: i.elementId,
    jobKey: str(i.jobKey),
    createdAt: new Date(i.createdAt).toISOString(),
  }));
}

export function jobs(engine: Engine): Array<Record<string, unknown>> {
  return Object.values(engine.state.jobs).map((j) => ({
    key: String(j.key),
    type: j.type,
    state: j.state,
    retries: j.retries,
    worker: j.worker,
    deadline: j.deadline > 0 ? new Date(j.deadline).toISOString() : null,
    errorMessage: j.errorMessage,
    customHeaders: j.customHeaders,
    elementId: j.elementId,
    elementInstanceKey: String(j.elementInstanceKey),
    processInstanceKey: String(j.processInstanceKey),
    bpmnProcessId: j.bpmnProcessId,
  }));
}

export function subscriptions(engine: Engine): unknown[] {
  return Object.values(engine.state.messageSubscriptions).map((s) => ({
    key: String(s.key),
    messageName: s.messageName,
    correlationKey: s.correlationKey,
    processInstanceKey: String(s.processInstanceKey),
    elementInstanceKey: String(s.ownerKey),
    elementId: s.targetElementId,
    bpmnProcessId: s.bpmnProcessId,
    interrupting: s.interrupting,
  }));
}
