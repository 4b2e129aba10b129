// Commands: the only way state changes. Each is deterministic given its record (incl. `now`), so the log
// replays them to rebuild state after a crash.
import { noneStartOf } from '../bpmn/model';
import type { Engine } from './engine';
import { Rejection } from './rejection';
import type { Job } from './state';
import * as jobs from './jobs';
import * as events from './events';
import { propagate, setLocals } from './variables';
import { deploy, type DeployCommand } from './deploy';
import { deleteProcessDefinition } from './delete-resource';

export type Command =
  | DeployCommand
  | {
      type: 'create';
      now: number;
      bpmnProcessId: string;
      version: number;
      processDefinitionKey: number;
      variables: Record<string, unknown>;
      startElementIds: string[];
    }
  /** `jobKeys`: a push to a job stream, of these jobs only (those still activatable). */
  | {
      type: 'activate';
      now: number;
      jobType: string;
      worker: string;
      timeout: number;
      max: number;
      jobKeys?: number[];
    }
  | { type: 'updateTimeout'; now: number; jobKey: number; timeout: number }
  | { type: 'deleteProcess'; now: number; processDefinitionKey: number }
  | { type: 'complete'; now: number; jobKey: number; variables: Record<string, unknown> }
  /** Jobs activated for a worker whose request was gone before they reached it, made activatable again. */
  | { type: 'yield'; now: number; jobKeys: number[] }
  | {
      type: 'fail';
      now: number;
      jobKey: number;
      retries: number;
      errorMessage: string;
      backoff: number;
      variables: Record<string, unknown>;
    }
  | {
      type: 'throwError';
      now: number;
      jobKey: number;
      errorCode: string;
      errorMessage: string;
      variables: Record<string, unknown>;
    }
  | { type: 'updateRetries'; now: number; jobKey: number; retries: number }
  | {
      type: 'setVariables';
      now: number;
      elementInstanceKey: number;
      variables: Record<string, unknown>;
      local: boolean;
    }
  | {
      type: 'publish';
      now: number;
      name: string;
      correlationKey: string;
      ttl: number;
      messageId: string;
      variables: Record<string, unknown>;
    }
  | { type: 'cancel'; now: number; processInstanceKey: number }
  | { type: 'resolve'; now: number; incidentKey: number }
  | { type: 'signal'; now: number; name: string; variables: Record<string, unknown> }
  | {
      type: 'modify';
      now: number;
      processInstanceKey: number;
      activate: Array<{
        elementId: string;
        ancestorKey: number;
        variables: Array<{ scopeId: string; variables: Record<string, unknown> }>;
      }>;
      terminate: number[];
    }
  | { type: 'tick'; now: number };

export type CommandResult =
  | { type: 'deploy'; key: number; deployments: ReturnType<typeof deploy>['deployments'] }
  | {
      type: 'create';
      processInstanceKey: number;
      processDefinitionKey: number;
      bpmnProcessId: string;
      version: number;
    }
  | { type: 'activate'; jobs: Job[] }
  | { type: 'key'; key: number }
  | { type: 'none' };

function jobOrReject(engine: Engine, jobKey: number, intent: string, verb: string): Job {
  const job = engine.state.jobs[jobKey];
  if (!job) {
    throw new Rejection(
      'NOT_FOUND',
      intent,
      `Expected to ${verb} job with key '${jobKey}', but no such job was found`,
    );
  }
  if (job.state === 'FAILED' || job.state === 'ERROR_THROWN') {
    throw new Rejection(
      'INVALID_STATE',
      intent,
      `Expected to ${verb} job with key '${jobKey}', but it is in state '${job.state}'`,
    );
  }
  return job;
}

export function execute(engine: Engine, cmd: Command): CommandResult {
  engine.now = cmd.now;
  engine.state.lastNow = Math.max(engine.state.lastNow, cmd.now);
  const result = run(engine, cmd);
  events.correlateBuffered(engine);
  return result;
}

function run(engine: Engine, cmd: Command): CommandResult {
  const s = engine.state;
  switch (cmd.type) {
    case 'deploy': {
      const out = deploy(engine, cmd);
      return { type: 'deploy', ...out };
    }
    case 'create': {
      const def = findDefinition(engine, cmd.bpmnProcessId, cmd.version, cmd.processDefinitionKey);
      const model = engine.models.get(def.key);
      if (!model)
        throw new Rejection(
          'NOT_FOUND',
          'CREATE',
          `Expected to find process definition with key '${def.key}', but none found`,
        );
      for (const id of cmd.startElementIds) {
        const el = model.elements.get(id);
        if (!el || el.type === 'startEvent' || el.type === 'boundaryEvent' || el.scopeId !== model.id) {
          throw new Rejection(
            'INVALID_ARGUMENT',
            'CREATE',
            `Expected to create instance of process with start instructions but the element with id '${id}' targets unsupported element type.`,
          );
        }
      }
      if (cmd.startElementIds.length === 0) {
        if (!noneStartOf(model, model.children)) {
          throw new Rejection(
            'INVALID_STATE',
            'CREATE',
            'Expected to create instance of process with none start event, but there is no such event',
          );
        }
      }
      const root = engine.createProcessInstance(def, cmd.variables, { startElementIds: cmd.startElementIds });
      return {
        type: 'create',
        processInstanceKey: root.key,
        processDefinitionKey: def.key,
        bpmnProcessId: def.bpmnProcessId,
        version: def.version,
      };
    }
    case 'activate':
      return {
        type: 'activate',
        jobs: jobs.activateJobs(engine, cmd.jobType, cmd.worker, cmd.timeout, cmd.max, cmd.jobKeys),
      };
    case 'deleteProcess':
      deleteProcessDefinition(engine, cmd.processDefinitionKey);
      return { type: 'none' };
    case 'updateTimeout':
      jobs.updateJobTimeout(engine, cmd.jobKey, cmd.timeout);
      return { type: 'none' };
    case 'complete': {
      const job = jobOrReject(engine, cmd.jobKey, 'COMPLETE', 'complete');
      const ei = engine.el(job.elementInstanceKey);
      jobs.cancelJob(engine, job.key);
      if (ei) {
        delete ei.jobKey;
        engine.complete(ei, cmd.variables);
      }
      return { type: 'none' };
    }
    case 'yield': {
      // As Zeebe's gateway does with activated jobs it could not send: retries and error message unchanged.
      for (const key of cmd.jobKeys) {
        const job = engine.state.jobs[key];
        if (!job || job.state !== 'ACTIVATED') continue;
        job.worker = '';
        job.deadline = -1;
        jobs.makeActivatable(engine, job);
      }
      return { type: 'none' };
    }
    case 'fail': {
      const job = jobOrReject(engine, cmd.jobKey, 'FAIL', 'fail');
      jobs.removeActivatable(engine, job);
      if (Object.keys(cmd.variables).length > 0) setLocals(s, job.elementInstanceKey, cmd.variables);
      job.retries = cmd.retries;
      job.errorMessage = cmd.errorMessage;
      job.worker = '';
      job.deadline = -1;
      if (cmd.retries > 0 && cmd.backoff <= 0) {
        jobs.makeActivatable(engine, job);
      } else if (cmd.retries > 0) {
        job.state = 'FAILED';
        job.backoffUntil = cmd.now + cmd.backoff;
        jobs.queueBackoff(engine, job);
      } else {
        job.state = 'FAILED';
        const ei = engine.el(job.elementInstanceKey);
        if (ei)
          engine.raiseIncident(
            ei,
            'JOB_NO_RETRIES',
            cmd.errorMessage || 'No more retries left.',
            'job',
            job.key,
          );
      }
      return { type: 'none' };
    }
    case 'throwError': {
      const job = jobOrReject(engine, cmd.jobKey, 'THROW_ERROR', 'throw an error for');
      const ei = engine.el(job.elementInstanceKey);
      if (!ei)
        throw new Rejection(
          'NOT_FOUND',
          'THROW_ERROR',
          `Expected to throw an error for job with key '${job.key}', but no such job was found`,
        );
      jobs.removeActivatable(engine, job);
      if (!events.throwError(engine, ei, cmd.errorCode, cmd.errorMessage, cmd.variables)) {
        job.state = 'ERROR_THROWN';
        job.errorMessage = cmd.errorMessage;
        engine.raiseIncident(
          ei,
          'UNHANDLED_ERROR_EVENT',
          `Expected to throw an error event with the code '${cmd.errorCode}' with message '${cmd.errorMessage}', but it was not caught. No error events are available in the scope.`,
          'job',
          job.key,
        );
      }
      return { type: 'none' };
    }
    case 'updateRetries': {
      const job = s.jobs[cmd.jobKey];
      if (!job) {
        throw new Rejection(
          'NOT_FOUND',
          'UPDATE_RETRIES',
          `Expected to update retries for job with key '${cmd.jobKey}', but no such job was found`,
        );
      }
      if (cmd.retries <= 0) {
        throw new Rejection(
          'INVALID_ARGUMENT',
          'UPDATE_RETRIES',
          `Expected to update retries for job with key '${cmd.jobKey}' with a positive amount of retries, but the amount given was '${cmd.retries}'`,
        );
      }
      job.retries = cmd.retries;
      return { type: 'none' };
    }
    case 'setVariables': {
      const ei = engine.el(cmd.elementInstanceKey);
      if (!ei || ei.state === 'COMPLETED' || ei.state === 'TERMINATED') {
        throw new Rejection(
          'NOT_FOUND',
          'UPDATE',
          `Expected to update variables for element with key '${cmd.elementInstanceKey}', but no such element was found`,
        );
      }
      if (cmd.local) setLocals(s, ei.key, cmd.variables);
      else propagate(s, ei.key, cmd.variables);
      return { type: 'key', key: engine.nextKey() };
    }
    case 'publish':
      return { type: 'key', key: publish(engine, cmd) };
    case 'cancel': {
      const root = engine.el(cmd.processInstanceKey);
      if (!root || root.elementType !== 'process' || root.state !== 'ACTIVATED') {
        throw new Rejection(
          'NOT_FOUND',
          'CANCEL',
          `Expected to cancel a process instance with key '${cmd.processInstanceKey}', but no such process was found`,
        );
      }
      if (root.parentProcessInstanceKey !== undefined) {
        let top = root;
        while (top.parentProcessInstanceKey !== undefined)
          top = engine.el(top.parentProcessInstanceKey) ?? top;
        throw new Rejection(
          'INVALID_STATE',
          'CANCEL',
          `Expected to cancel a process instance with key '${cmd.processInstanceKey}', but it is created by a parent process instance. Cancel the root process instance '${top.key}' instead.`,
        );
      }
      engine.terminate(root);
      return { type: 'none' };
    }
    case 'resolve':
      resolveIncident(engine, cmd.incidentKey);
      return { type: 'none' };
    case 'signal':
      events.broadcastSignal(engine, cmd.name, cmd.variables);
      return { type: 'key', key: engine.nextKey() };
    case 'modify':
      modify(engine, cmd);
      return { type: 'none' };
    case 'tick':
      jobs.releaseDueJobs(engine);
      events.fireDueTimers(engine);
      events.expireMessages(engine);
      return { type: 'none' };
  }
}

function findDefinition(engine: Engine, bpmnProcessId: string, version: number, key: number) {
  const s = engine.state;
  if (key > 0) {
    const def = s.processes[key];
    if (!def)
      throw new Rejection(
        'NOT_FOUND',
        'CREATE',
        `Expected to find process definition with key '${key}', but none found`,
      );
    return def;
  }
  if (version < 0) {
    const latest = s.latest[bpmnProcessId];
    const def = latest !== undefined ? s.processes[latest] : undefined;
    if (!def) {
      throw new Rejection(
        'NOT_FOUND',
        'CREATE',
        `Expected to find process definition with process ID '${bpmnProcessId}', but none found`,
      );
    }
    return def;
  }
  const def = Object.values(s.processes).find(
    (p) => p.bpmnProcessId === bpmnProcessId && p.version === version,
  );
  if (!def) {
    throw new Rejection(
      'NOT_FOUND',
      'CREATE',
      `Expected to find process definition with process ID '${bpmnProcessId}' and version '${version}', but none found`,
    );
  }
  return def;
}

function publish(engine: Engine, cmd: Extract<Command, { type: 'publish' }>): number {
  const s = engine.state;
  if (cmd.messageId !== '') {
    const duplicate = Object.values(s.messages).some(
      (m) =>
        m.messageId === cmd.messageId &&
        m.name === cmd.name &&
        m.correlationKey === cmd.correlationKey &&
        m.deadline > cmd.now,
    );
    if (duplicate) {
      throw new Rejection(
        'ALREADY_EXISTS',
        'PUBLISH',
        `Expected to publish a new message with id '${cmd.messageId}', but a message with that id was already published`,
      );
    }
  }
  const key = engine.nextKey();
  const message = {
    key,
    name: cmd.name,
    correlationKey: cmd.correlationKey,
    variables: cmd.variables,
    deadline: cmd.now + Math.max(0, cmd.ttl),
    messageId: cmd.messageId,
    correlatedProcesses: [] as string[],
  };
  events.correlateMessage(engine, message);
  events.startByMessage(engine, message);
  if (cmd.ttl > 0) events.bufferMessage(engine, message);
  return key;
}

function resolveIncident(engine: Engine, incidentKey: number): void {
  const s = engine.state;
  const incident = s.incidents[incidentKey];
  if (!incident) {
    throw new Rejection(
      'NOT_FOUND',
      'RESOLVE',
      `Expected to resolve incident with key '${incidentKey}', but no such incident was found`,
    );
  }
  if (incident.retry === 'job') {
    const job = incident.jobKey !== undefined ? s.jobs[incident.jobKey] : undefined;
    if (job && incident.type === 'JOB_NO_RETRIES' && job.retries <= 0) {
      throw new Rejection(
        'NOT_FOUND',
        'RESOLVE',
        `Expected to resolve incident with key '${incidentKey}', but job with key '${job.key}' has no retries left. Please update the job retries and retry resolving the incident`,
      );
    }
    delete s.incidents[incidentKey];
    if (job) jobs.makeActivatable(engine, job);
    return;
  }
  delete s.incidents[incidentKey];
  const ei = engine.el(incident.elementInstanceKey);
  if (!ei) return;
  if (incident.retry === 'eventSubprocess')
    events.reopenEventSubprocess(engine, ei, incident.subprocessId ?? '');
  else if (incident.retry === 'complete') engine.complete(ei);
  else engine.runActivation(ei);
}

function modify(engine: Engine, cmd: Extract<Command, { type: 'modify' }>): void {
  const root = engine.el(cmd.processInstanceKey);
  if (!root || root.elementType !== 'process' || root.state !== 'ACTIVATED') {
    throw new Rejection(
      'NOT_FOUND',
      'MODIFY',
      `Expected to modify process instance but no process instance found with key '${cmd.processInstanceKey}'`,
    );
  }
  const model = engine.modelOf(root);
  const plans = cmd.activate.map((a) => {
    const def = model.elements.get(a.elementId);
    const unsupported =
      !def ||
      def.type === 'startEvent' ||
      def.type === 'boundaryEvent' ||
      (def.scopeId !== model.id && model.elements.get(def.scopeId)?.multiInstance !== undefined);
    if (unsupported) {
      throw new Rejection(
        'INVALID_ARGUMENT',
        'MODIFY',
        `Expected to modify instance of process '${root.bpmnProcessId}' but it contains one or more activate instructions with an element that could not be found or is unsupported: '${a.elementId}'`,
      );
    }
    let scope = root;
    if (a.ancestorKey > 0) {
      const ancestor = engine.el(a.ancestorKey);
      if (!ancestor || ancestor.processInstanceKey !== root.key || ancestor.state !== 'ACTIVATED') {
        throw new Rejection(
          'INVALID_ARGUMENT',
          'MODIFY',
          `Expected to modify instance of process '${root.bpmnProcessId}' but it contains one or more activate instructions with an ancestor scope key that does not exist: '${a.ancestorKey}'`,
        );
      }
      scope = ancestor;
    } else if (def.scopeId !== model.id) {
      const found = [...(engine.byInstance.get(root.key) ?? [])]
        .map((k) => engine.el(k))
        .find((e) => e?.elementId === def.scopeId && e.state === 'ACTIVATED');
      if (!found) {
        throw new Rejection(
          'INVALID_ARGUMENT',
          'MODIFY',
          `Expected to modify instance of process '${root.bpmnProcessId}' but the flow scope '${def.scopeId}' of element '${a.elementId}' is not active`,
        );
      }
      scope = found;
    }
    return { def, scope, variables: a.variables };
  });
  for (const key of cmd.terminate) {
    const ei = engine.el(key);
    if (
      !ei ||
      ei.processInstanceKey !== root.key ||
      ei.state === 'COMPLETED' ||
      ei.state === 'TERMINATED' ||
      ei.elementType === 'process'
    ) {
      throw new Rejection(
        'INVALID_ARGUMENT',
        'MODIFY',
        `Expected to modify instance of process '${root.bpmnProcessId}' but it contains one or more terminate instructions with an element instance key that is unknown: '${key}'`,
      );
    }
  }
  for (const plan of plans) {
    let local: Record<string, unknown> = {};
    for (const v of plan.variables) {
      if (v.scopeId === '' || v.scopeId === model.id) setLocals(engine.state, root.key, v.variables);
      else if (v.scopeId === plan.def.id) local = { ...local, ...v.variables };
      else {
        const target = [...(engine.byInstance.get(root.key) ?? [])]
          .map((k) => engine.el(k))
          .find((e) => e?.elementId === v.scopeId && e.state === 'ACTIVATED');
        setLocals(engine.state, (target ?? root).key, v.variables);
      }
    }
    engine.hold(plan.scope, () =>
      engine.activate(plan.def as NonNullable<typeof plan.def>, plan.scope, { localVariables: local }),
    );
  }
  for (const key of cmd.terminate) {
    const ei = engine.el(key);
    if (!ei) continue;
    const scope = ei.flowScopeKey !== null ? engine.el(ei.flowScopeKey) : undefined;
    engine.terminate(ei);
    if (scope) engine.checkScope(scope);
  }
}
