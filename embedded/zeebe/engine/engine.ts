// Token flow: activating, completing and terminating element instances, flow scopes and parallel joins.
import { FeelError, evaluateFeel, evaluateTyped, isExpression } from '../feel';
import {
  eventSubprocessesOf,
  noneStartOf,
  startEventOf,
  type ElementDef,
  type ProcessModel,
} from '../bpmn/model';
import type { ElementInstance, EngineState, Incident, IncidentType, ProcessDefinition } from './state';
import { emptyState } from './state';
import { evaluateMappings, propagate, setLocal, setLocals, visibleVariables } from './variables';
import type { DecisionRequirementsModel } from '../dmn/model';
import { evaluateDeployedInCommand, latestDecision } from './decisions';
import * as events from './events';
import * as jobs from './jobs';
import { DueQueue } from './due-queue';

/** A failure while executing an element: becomes an incident on it. */
export class IncidentError extends Error {
  constructor(
    readonly type: IncidentType,
    message: string,
  ) {
    super(message);
  }
}

const FINISHED_KEPT = 2000;

export interface ActivateOptions {
  eventVariables?: Record<string, unknown>;
  eventLocal?: boolean;
  loopItem?: { counter: number; element?: string; value: unknown };
  localVariables?: Record<string, unknown>;
}

export class Engine {
  state: EngineState = emptyState();
  models = new Map<number, ProcessModel>();
  /** parsed DRGs by decision requirements key (derived from the deployed DMN) */
  drgs = new Map<number, DecisionRequirementsModel>();
  /** derived: activatable job keys by type */
  activatable = new Map<string, Set<number>>();
  /** derived: element instance keys by process instance */
  byInstance = new Map<number, Set<number>>();
  /** derived: message/signal subscription and timer keys by owner element instance (may hold fired ones) */
  owned = new Map<number, Set<number>>();
  /** derived: timers, job time-outs and back-offs, message expiries by due time (events.ts, jobs.ts) */
  timerQueue = new DueQueue();
  /** derived: message subscription keys by message name and correlation key (events.ts) */
  subscriptionsByMessage = new Map<string, Set<number>>();
  jobQueue = new DueQueue();
  messageQueue = new DueQueue();
  now = 0;
  /** effects of the current command, drained by the gateway */
  jobTypesAvailable = new Set<string>();
  endedInstances: Array<{ key: number; completed: boolean }> = [];
  /** message subscriptions opened during the command, to match against buffered messages */
  pendingCorrelations: number[] = [];

  nextKey(): number {
    return this.state.nextKey++;
  }

  el(key: number): ElementInstance | undefined {
    return this.state.elements[key];
  }

  modelOf(ei: { processDefinitionKey: number }): ProcessModel {
    const model = this.models.get(ei.processDefinitionKey);
    if (!model) throw new Error(`model ${ei.processDefinitionKey} not loaded`);
    return model;
  }

  defOf(ei: ElementInstance): ElementDef {
    const def = this.modelOf(ei).elements.get(ei.elementId);
    if (!def) throw new Error(`element ${ei.elementId} not in model`);
    return def;
  }

  visible(scopeKey: number): Record<string, unknown> {
    return visibleVariables(this.state, scopeKey);
  }

  // ---- process instances ----

  createProcessInstance(
    def: ProcessDefinition,
    variables: Record<string, unknown>,
    options: {
      startElementIds?: string[];
      startEventId?: string;
      eventVariables?: Record<string, unknown>;
      parent?: ElementInstance;
      startMessage?: { name: string; correlationKey: string };
    } = {},
  ): ElementInstance {
    const model = this.models.get(def.key);
    if (!model) throw new Error(`model ${def.key} not loaded`);
    const key = this.nextKey();
    const root: ElementInstance = {
      key,
      elementId: def.bpmnProcessId,
      elementType: 'process',
      state: 'ACTIVATED',
      processInstanceKey: key,
      processDefinitionKey: def.key,
      bpmnProcessId: def.bpmnProcessId,
      version: def.version,
      flowScopeKey: null,
      activeChildren: [],
      joinTokens: {},
      startedAt: this.now,
    };
    if (options.parent) {
      root.parentElementInstanceKey = options.parent.key;
      root.parentProcessInstanceKey = options.parent.processInstanceKey;
      options.parent.childProcessInstanceKey = key;
    }
    if (options.startMessage) root.startMessage = options.startMessage;
    this.register(root);
    this.state.variables[key] = { ...variables };
    this.hold(root, () => {
      events.openEventSubprocesses(this, root, model.children);
      if (options.startElementIds && options.startElementIds.length > 0) {
        for (const id of options.startElementIds) this.activate(model.elements.get(id) as ElementDef, root);
      } else {
        const start = options.startEventId
          ? model.elements.get(options.startEventId)
          : noneStartOf(model, model.children);
        if (!start) throw new Error('no start event');
        this.activate(start, root, { eventVariables: options.eventVariables });
      }
    });
    return root;
  }

  private register(ei: ElementInstance): void {
    this.state.elements[ei.key] = ei;
    this.indexInstance(ei);
  }

  private indexInstance(ei: ElementInstance): void {
    let set = this.byInstance.get(ei.processInstanceKey);
    if (!set) this.byInstance.set(ei.processInstanceKey, (set = new Set()));
    set.add(ei.key);
  }

  /** Records a subscription or timer of an element instance, for closing it with its owner. */
  own(ownerKey: number, key: number): void {
    let set = this.owned.get(ownerKey);
    if (!set) this.owned.set(ownerKey, (set = new Set()));
    set.add(key);
  }

  /** Rebuilds the derived indexes from the state (after loading a snapshot). */
  rebuildIndexes(): void {
    jobs.rebuildActivatable(this);
    jobs.rebuildJobQueue(this);
    events.rebuildDueQueues(this);
    events.rebuildMessageIndex(this);
    this.byInstance.clear();
    for (const ei of Object.values(this.state.elements)) this.indexInstance(ei);
    this.owned.clear();
    const s = this.state;
    for (const sub of [
      ...Object.values(s.messageSubscriptions),
      ...Object.values(s.signalSubscriptions),
      ...Object.values(s.timers),
    ])
      if (sub.ownerKey !== null) this.own(sub.ownerKey, sub.key);
  }

  /** Runs fn with the scope kept open, then checks whether the scope can complete. */
  hold(scope: ElementInstance, fn: () => void): void {
    scope.activeChildren.push(-1);
    try {
      fn();
    } finally {
      const i = scope.activeChildren.indexOf(-1);
      if (i >= 0) scope.activeChildren.splice(i, 1);
    }
    this.checkScope(scope);
  }

  // ---- activation ----

  activate(def: ElementDef, scope: ElementInstance, options: ActivateOptions = {}): ElementInstance {
    const isBody = def.multiInstance !== undefined && options.loopItem === undefined;
    const ei: ElementInstance = {
      key: this.nextKey(),
      elementId: def.id,
      elementType: isBody ? 'multiInstanceBody' : def.type,
      state: 'ACTIVATING',
      processInstanceKey: scope.processInstanceKey,
      processDefinitionKey: scope.processDefinitionKey,
      bpmnProcessId: scope.bpmnProcessId,
      version: scope.version,
      flowScopeKey: scope.key,
      activeChildren: [],
      joinTokens: {},
      startedAt: this.now,
    };
    if (options.eventVariables) ei.eventVariables = options.eventVariables;
    if (options.eventLocal) ei.eventLocal = true;
    this.register(ei);
    scope.activeChildren.push(ei.key);
    if (options.loopItem) {
      ei.loopCounter = options.loopItem.counter;
      setLocal(this.state, ei.key, 'loopCounter', options.loopItem.counter);
      if (options.loopItem.element)
        setLocal(this.state, ei.key, options.loopItem.element, options.loopItem.value);
    }
    if (options.localVariables) setLocals(this.state, ei.key, options.localVariables);
    this.runActivation(ei);
    return ei;
  }

  ownsBoundaries(ei: ElementInstance, def: ElementDef): boolean {
    return def.boundaries.length > 0 && (ei.elementType === 'multiInstanceBody' || !def.multiInstance);
  }

  runActivation(ei: ElementInstance): void {
    const def = this.defOf(ei);
    try {
      if (ei.elementType !== 'multiInstanceBody' && def.inputs.length > 0) {
        let locals: Record<string, unknown>;
        try {
          locals = evaluateMappings(def.inputs, this.visible(ei.key));
        } catch (error) {
          throw new IncidentError('IO_MAPPING_ERROR', (error as Error).message);
        }
        setLocals(this.state, ei.key, locals);
      }
      if (this.ownsBoundaries(ei, def)) events.openBoundaries(this, ei, def);
      ei.state = 'ACTIVATED';
      this.hold(ei, () => this.enter(ei, def));
    } catch (error) {
      if (!(error instanceof IncidentError) && !(error instanceof FeelError)) throw error;
      const type = error instanceof IncidentError ? error.type : 'EXTRACT_VALUE_ERROR';
      events.closeOwned(this, ei);
      if (ei.state === 'ACTIVATED') ei.state = 'ACTIVATING';
      this.raiseIncident(ei, type, error.message, 'activate');
    }
  }

  private enter(ei: ElementInstance, def: ElementDef): void {
    if (ei.elementType === 'multiInstanceBody') return this.enterBody(ei, def);
    if (ei.eventVariables !== undefined && this.isCatchTarget(def)) {
      const vars = ei.eventVariables;
      delete ei.eventVariables;
      return this.complete(ei, vars, { local: ei.eventLocal === true });
    }
    switch (def.type) {
      case 'subProcess': {
        const model = this.modelOf(ei);
        if (!def.triggeredByEvent) events.openEventSubprocesses(this, ei, def.children);
        const start = def.triggeredByEvent ? startEventOf(model, def) : noneStartOf(model, def.children);
        if (start)
          this.activate(start, ei, { eventVariables: ei.eventVariables ?? {}, eventLocal: ei.eventLocal });
        delete ei.eventVariables;
        return;
      }
      case 'businessRuleTask':
        if (def.calledDecision) return this.enterCalledDecision(ei, def.calledDecision);
        return jobs.createJobFor(this, ei, def);
      case 'serviceTask':
      case 'sendTask':
      case 'userTask':
        return jobs.createJobFor(this, ei, def);
      case 'scriptTask':
        if (def.script) {
          const value = evaluateFeel(def.script.expression, this.visible(ei.key)).value;
          return this.complete(ei, { [def.script.resultVariable]: value });
        }
        return jobs.createJobFor(this, ei, def);
      case 'receiveTask':
      case 'intermediateCatchEvent':
        return events.openCatch(this, ei, def);
      case 'intermediateThrowEvent':
      case 'endEvent':
        return this.enterThrow(ei, def);
      case 'exclusiveGateway':
      case 'inclusiveGateway':
        return this.complete(ei, undefined, { flows: this.chooseFlows(ei, def) });
      case 'eventBasedGateway':
        return events.openGateway(this, ei, def);
      case 'callActivity':
        return this.enterCallActivity(ei, def);
      default:
        // start events, parallel gateways, tasks, manual tasks: pass through
        return this.complete(ei);
    }
  }

  /** Zeebe evaluates the latest version of the decision on activation; its result completes the task. */
  private enterCalledDecision(
    ei: ElementInstance,
    called: { decisionId: string; resultVariable: string },
  ): void {
    const variables = this.visible(ei.key);
    const decisionId = String(evaluateTyped(called.decisionId, 'STRING', variables));
    const decision = latestDecision(this, decisionId);
    if (!decision)
      throw new IncidentError(
        'CALLED_DECISION_ERROR',
        `Expected to evaluate decision '${decisionId}', but no decision found for id '${decisionId}'`,
      );
    const result = evaluateDeployedInCommand(this, decision, variables);
    if (result.failureMessage !== undefined)
      throw new IncidentError('DECISION_EVALUATION_ERROR', result.failureMessage);
    return this.complete(ei, { [called.resultVariable]: result.output });
  }

  private isCatchTarget(def: ElementDef): boolean {
    return (
      def.type === 'boundaryEvent' ||
      def.type === 'startEvent' ||
      def.type === 'intermediateCatchEvent' ||
      def.type === 'receiveTask'
    );
  }

  private enterThrow(ei: ElementInstance, def: ElementDef): void {
    const kind = def.event?.kind ?? 'none';
    if (kind === 'message') return jobs.createJobFor(this, ei, def);
    if (kind === 'error') {
      const code = String(evaluateTyped(def.event?.errorCode ?? '', 'STRING', this.visible(ei.key)));
      if (!events.throwError(this, ei, code, '', {})) {
        throw new IncidentError(
          'UNHANDLED_ERROR_EVENT',
          `Expected to throw an error event with the code '${code}', but it was not caught. No error events are available in the scope.`,
        );
      }
      return;
    }
    if (kind === 'signal') {
      const name = String(evaluateTyped(def.event?.signalName ?? '', 'STRING', this.visible(ei.key)));
      events.broadcastSignal(this, name, { ...(this.state.variables[ei.key] ?? {}) });
      return this.complete(ei);
    }
    if (kind === 'terminate') {
      const scope = this.el(ei.flowScopeKey as number) as ElementInstance;
      this.complete(ei, undefined, { flows: [] });
      this.terminateChildren(scope);
      this.checkScope(scope);
      return;
    }
    this.complete(ei);
  }

  private chooseFlows(ei: ElementInstance, def: ElementDef): string[] {
    const model = this.modelOf(ei);
    if (def.outgoing.length === 1 && !model.flows.get(def.outgoing[0] as string)?.condition) {
      return def.outgoing;
    }
    const vars = this.visible(ei.key);
    const taken: string[] = [];
    for (const flowId of def.outgoing) {
      if (flowId === def.defaultFlow) continue;
      const condition = model.flows.get(flowId)?.condition;
      if (!condition) continue;
      const ok = evaluateTyped(condition, 'BOOLEAN', vars);
      if (ok === true) {
        taken.push(flowId);
        if (def.type === 'exclusiveGateway') break;
      }
    }
    if (taken.length === 0 && def.defaultFlow) taken.push(def.defaultFlow);
    if (taken.length === 0) {
      throw new IncidentError(
        'CONDITION_ERROR',
        'Expected at least one condition to evaluate to true, or to have a default flow',
      );
    }
    return taken;
  }

  private enterCallActivity(ei: ElementInstance, def: ElementDef): void {
    const vars = this.visible(ei.key);
    const processId = String(evaluateTyped(def.calledProcessId ?? '', 'STRING', vars));
    const latestKey = this.state.latest[processId];
    const child = latestKey !== undefined ? this.state.processes[latestKey] : undefined;
    if (!child) {
      throw new IncidentError(
        'CALLED_ELEMENT_ERROR',
        `Expected process with BPMN process id '${processId}' to be deployed, but not found.`,
      );
    }
    const childModel = this.models.get(child.key);
    if (!childModel || !noneStartOf(childModel, childModel.children)) {
      throw new IncidentError(
        'CALLED_ELEMENT_ERROR',
        `Expected process with BPMN process id '${processId}' to have a none start event, but not found.`,
      );
    }
    const input = def.propagateAllParentVariables ? vars : { ...(this.state.variables[ei.key] ?? {}) };
    this.createProcessInstance(child, input, { parent: ei });
  }

  // ---- multi-instance ----

  private enterBody(body: ElementInstance, def: ElementDef): void {
    const mi = def.multiInstance;
    if (!mi) return;
    const vars = this.visible(body.key);
    const items = evaluateTyped(mi.inputCollection, 'ARRAY', vars) as unknown[];
    body.mi = { items, next: 0, completed: 0, terminated: 0 };
    if (mi.outputCollection) {
      setLocal(
        this.state,
        body.key,
        mi.outputCollection,
        items.map(() => null),
      );
    }
    this.updateLoopVariables(body);
    if (items.length === 0) return this.complete(body);
    const count = mi.sequential ? 1 : items.length;
    for (let i = 0; i < count; i++) this.spawnInner(body, def);
  }

  private spawnInner(body: ElementInstance, def: ElementDef): void {
    const mi = body.mi;
    if (!mi) return;
    const index = mi.next++;
    this.updateLoopVariables(body);
    this.activate(def, body, {
      loopItem: { counter: index + 1, element: def.multiInstance?.inputElement, value: mi.items[index] },
    });
  }

  private updateLoopVariables(body: ElementInstance): void {
    const mi = body.mi;
    if (!mi) return;
    setLocals(this.state, body.key, {
      numberOfInstances: mi.items.length,
      numberOfActiveInstances: body.activeChildren.filter((k) => k >= 0).length,
      numberOfCompletedInstances: mi.completed,
      numberOfTerminatedInstances: mi.terminated,
    });
  }

  private innerEnded(body: ElementInstance, inner: ElementInstance, completed: boolean): void {
    const def = this.defOf(body);
    const mi = def.multiInstance;
    if (!body.mi || !mi) return;
    if (completed) {
      body.mi.completed++;
      if (mi.outputCollection && mi.outputElement && inner.loopCounter !== undefined) {
        const value = evaluateFeel(mi.outputElement, this.visible(inner.key)).value;
        const collection = [...((this.state.variables[body.key]?.[mi.outputCollection] as unknown[]) ?? [])];
        collection[inner.loopCounter - 1] = value;
        setLocal(this.state, body.key, mi.outputCollection, collection);
      }
    } else {
      body.mi.terminated++;
    }
    this.detach(body, inner);
    if (body.state !== 'ACTIVATED') return;
    this.updateLoopVariables(body);
    if (completed && mi.completionCondition) {
      const done = evaluateFeel(mi.completionCondition, this.visible(body.key)).value === true;
      if (done) {
        this.terminateChildren(body);
        this.complete(body);
        return;
      }
    }
    if (mi.sequential && body.mi.next < body.mi.items.length) {
      this.hold(body, () => this.spawnInner(body, def));
      return;
    }
    this.checkScope(body);
  }

  // ---- completion ----

  complete(
    ei: ElementInstance,
    variables?: Record<string, unknown>,
    options: { local?: boolean; flows?: string[] } = {},
  ): void {
    const def = ei.elementType === 'process' ? undefined : this.defOf(ei);
    ei.state = 'COMPLETING';
    const outputs = def && ei.elementType !== 'multiInstanceBody' ? def.outputs : [];
    if (variables) {
      if (outputs.length > 0 || options.local) setLocals(this.state, ei.key, variables);
      else propagate(this.state, ei.key, variables);
    }
    if (outputs.length > 0) {
      let results: Record<string, unknown>;
      try {
        results = evaluateMappings(outputs, this.visible(ei.key));
      } catch (error) {
        this.raiseIncident(ei, 'IO_MAPPING_ERROR', (error as Error).message, 'complete');
        return;
      }
      propagate(this.state, ei.flowScopeKey ?? ei.key, results);
    }
    if (ei.elementType === 'multiInstanceBody' && def?.multiInstance?.outputCollection) {
      const name = def.multiInstance.outputCollection;
      const value = this.state.variables[ei.key]?.[name] ?? [];
      propagate(this.state, ei.flowScopeKey ?? ei.key, { [name]: value });
    }
    this.finish(ei, 'COMPLETED', options.flows);
  }

  private finish(ei: ElementInstance, state: 'COMPLETED' | 'TERMINATED', flows?: string[]): void {
    events.closeOwned(this, ei);
    ei.state = state;
    ei.endedAt = this.now;
    if (ei.flowScopeKey === null) return this.finishRoot(ei, state === 'COMPLETED');
    const scope = this.el(ei.flowScopeKey) as ElementInstance;
    const def = this.defOf(ei);
    if (scope.elementType === 'multiInstanceBody') {
      this.innerEnded(scope, ei, state === 'COMPLETED');
      this.dropScopeVariables(ei);
      return;
    }
    this.dropScopeVariables(ei);
    this.detach(scope, ei);
    if (state !== 'COMPLETED') return;
    this.hold(scope, () => {
      if (scope.state !== 'ACTIVATED') return;
      for (const flowId of flows ?? def.outgoing) this.takeFlow(flowId, scope);
    });
  }

  private dropScopeVariables(ei: ElementInstance): void {
    delete this.state.variables[ei.key];
  }

  private detach(scope: ElementInstance, ei: ElementInstance): void {
    const i = scope.activeChildren.indexOf(ei.key);
    if (i >= 0) scope.activeChildren.splice(i, 1);
  }

  takeFlow(flowId: string, scope: ElementInstance, options: ActivateOptions = {}): void {
    const model = this.modelOf(scope);
    const flow = model.flows.get(flowId);
    const target = flow ? model.elements.get(flow.target) : undefined;
    if (!target) return;
    if (target.type === 'parallelGateway' && target.incoming.length > 1) {
      scope.joinTokens[flowId] = (scope.joinTokens[flowId] ?? 0) + 1;
      if (target.incoming.every((id) => (scope.joinTokens[id] ?? 0) > 0)) {
        for (const id of target.incoming) {
          const left = (scope.joinTokens[id] ?? 1) - 1;
          if (left > 0) scope.joinTokens[id] = left;
          else delete scope.joinTokens[id];
        }
        this.activate(target, scope);
      }
      return;
    }
    this.activate(target, scope, options);
  }

  checkScope(scope: ElementInstance): void {
    if (scope.state !== 'ACTIVATED' || scope.activeChildren.length > 0) return;
    if (Object.keys(scope.joinTokens).length > 0) return;
    if (scope.elementType === 'multiInstanceBody') {
      const mi = scope.mi;
      if (mi && mi.next < mi.items.length) return;
      return this.complete(scope);
    }
    if (scope.elementType === 'process' || scope.elementType === 'subProcess') this.complete(scope);
  }

  private finishRoot(root: ElementInstance, completed: boolean): void {
    this.endedInstances.push({ key: root.key, completed });
    this.state.finished.push(root.key);
    if (root.parentElementInstanceKey !== undefined && completed) {
      const callActivity = this.el(root.parentElementInstanceKey);
      if (callActivity && callActivity.state === 'ACTIVATED') {
        const def = this.defOf(callActivity);
        delete callActivity.childProcessInstanceKey;
        const childVars = { ...(this.state.variables[root.key] ?? {}) };
        const pass = def.propagateAllChildVariables || def.outputs.length > 0 ? childVars : undefined;
        if (def.outputs.length > 0) {
          setLocals(this.state, callActivity.key, childVars);
          this.complete(callActivity);
        } else {
          this.complete(callActivity, pass);
        }
      }
    }
    if (root.startMessage) events.onMessageStartedInstanceEnded(this, root);
    this.prune();
  }

  private prune(): void {
    while (this.state.finished.length > FINISHED_KEPT) {
      const key = this.state.finished.shift() as number;
      for (const k of this.byInstance.get(key) ?? []) {
        delete this.state.elements[k];
        delete this.state.variables[k];
      }
      this.byInstance.delete(key);
    }
  }

  // ---- termination ----

  terminate(ei: ElementInstance | undefined): void {
    if (!ei || ei.state === 'COMPLETED' || ei.state === 'TERMINATED') return;
    this.terminateChildren(ei);
    if (ei.jobKey !== undefined) jobs.cancelJob(this, ei.jobKey);
    for (const incident of Object.values(this.state.incidents)) {
      if (incident.elementInstanceKey === ei.key) delete this.state.incidents[incident.key];
    }
    if (ei.childProcessInstanceKey !== undefined) {
      this.terminate(this.el(ei.childProcessInstanceKey));
      delete ei.childProcessInstanceKey;
    }
    this.finish(ei, 'TERMINATED');
  }

  /** Terminates the scope's active children and drops its waiting join tokens. */
  terminateChildren(scope: ElementInstance): void {
    for (const child of [...scope.activeChildren]) if (child >= 0) this.terminate(this.el(child));
    scope.joinTokens = {};
  }

  // ---- incidents ----

  raiseIncident(
    ei: ElementInstance,
    type: IncidentType,
    message: string,
    retry: Incident['retry'],
    jobKey?: number,
    subprocessId?: string,
  ): void {
    const key = this.nextKey();
    this.state.incidents[key] = {
      key,
      type,
      message,
      processInstanceKey: ei.processInstanceKey,
      processDefinitionKey: ei.processDefinitionKey,
      bpmnProcessId: ei.bpmnProcessId,
      elementInstanceKey: ei.key,
      elementId: ei.elementId,
      retry,
      createdAt: this.now,
      ...(jobKey !== undefined ? { jobKey } : {}),
      ...(subprocessId !== undefined ? { subprocessId } : {}),
    };
  }

  isExpressionText(text: string): boolean {
    return isExpression(text);
  }

  rootOf(ei: ElementInstance): ElementInstance | undefined {
    return this.el(ei.processInstanceKey);
  }

  eventSubprocesses(ei: ElementInstance): ElementDef[] {
    const model = this.modelOf(ei);
    const children = ei.elementType === 'process' ? model.children : this.defOf(ei).children;
    return eventSubprocessesOf(model, children);
  }
}
