// Catch events: message/signal subscriptions, timers, boundary events, event-based gateways, event
// subprocesses, and the outward search for error catch events.
import { evaluateFeel, evaluateTyped, FeelError, isExpression } from '../feel';
import type { ElementDef, ProcessModel } from '../bpmn/model';
import { startEventOf } from '../bpmn/model';
import type { Engine } from './engine';
import { IncidentError } from './engine';
import type { ElementInstance, Message, MessageSubscription, SubscriptionKind, Timer } from './state';
import { parseCycle, parseDate, parseDuration, addDuration, nextAfter } from './timer-spec';

// ---- opening ----

export function openBoundaries(engine: Engine, activity: ElementInstance, def: ElementDef): void {
  const model = engine.modelOf(activity);
  for (const id of def.boundaries) {
    const boundary = model.elements.get(id);
    if (!boundary) continue;
    openEvent(engine, activity, boundary, 'boundary', boundary.cancelActivity);
  }
}

export function openCatch(engine: Engine, ei: ElementInstance, def: ElementDef): void {
  openEvent(engine, ei, def, 'catch', true);
}

export function openGateway(engine: Engine, gateway: ElementInstance, def: ElementDef): void {
  const model = engine.modelOf(gateway);
  for (const id of def.eventTargets) {
    const target = model.elements.get(id);
    if (target) openEvent(engine, gateway, target, 'gateway', true);
  }
}

export function openEventSubprocesses(engine: Engine, scope: ElementInstance, children: string[]): void {
  const model = engine.modelOf(scope);
  for (const id of children) {
    const sub = model.elements.get(id);
    if (!sub || sub.type !== 'subProcess' || !sub.triggeredByEvent) continue;
    const start = startEventOf(model, sub);
    if (!start?.event || start.event.kind === 'error') continue;
    try {
      openEvent(engine, scope, start, 'eventSubprocess', start.cancelActivity);
    } catch (error) {
      if (!(error instanceof IncidentError) && !(error instanceof FeelError)) throw error;
      // Resolving the incident opens this event subprocess's subscription again.
      const type = error instanceof IncidentError ? error.type : 'EXTRACT_VALUE_ERROR';
      engine.raiseIncident(scope, type, error.message, 'eventSubprocess', undefined, sub.id);
    }
  }
}

export function reopenEventSubprocess(engine: Engine, scope: ElementInstance, subprocessId: string): void {
  if (scope.state !== 'ACTIVATED') return;
  openEventSubprocesses(engine, scope, [subprocessId]);
}

function openEvent(
  engine: Engine,
  owner: ElementInstance,
  def: ElementDef,
  kind: SubscriptionKind,
  interrupting: boolean,
): void {
  const ev = def.event;
  if (!ev) return;
  const vars = engine.visible(owner.key);
  if (ev.kind === 'message') {
    const name = String(evaluateTyped(ev.messageName ?? '', 'STRING', vars));
    const correlationKey = correlationKeyOf(ev.correlationKey ?? '', vars);
    const key = engine.nextKey();
    engine.own(owner.key, key);
    addMessageSubscription(engine, {
      key,
      kind,
      ownerKey: owner.key,
      processInstanceKey: owner.processInstanceKey,
      bpmnProcessId: owner.bpmnProcessId,
      messageName: name,
      correlationKey,
      targetElementId: def.id,
      interrupting,
      createdAt: engine.now,
    });
    engine.pendingCorrelations.push(key);
  } else if (ev.kind === 'signal') {
    const name = String(evaluateTyped(ev.signalName ?? '', 'STRING', vars));
    const key = engine.nextKey();
    engine.own(owner.key, key);
    engine.state.signalSubscriptions[key] = {
      key,
      kind,
      ownerKey: owner.key,
      processInstanceKey: owner.processInstanceKey,
      signalName: name,
      targetElementId: def.id,
      interrupting,
    };
  } else if (ev.kind === 'timer') {
    const timer = timerFor(
      engine,
      def,
      vars,
      !interrupting && (kind === 'boundary' || kind === 'eventSubprocess'),
    );
    const key = engine.nextKey();
    engine.own(owner.key, key);
    addTimer(engine, {
      key,
      kind,
      ownerKey: owner.key,
      processInstanceKey: owner.processInstanceKey,
      processDefinitionKey: owner.processDefinitionKey,
      targetElementId: def.id,
      interrupting,
      ...timer,
    });
  }
}

function correlationKeyOf(expression: string, vars: Record<string, unknown>): string {
  if (!isExpression(expression)) return expression;
  const { value, warnings } = evaluateFeel(expression, vars);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  const type =
    value === null
      ? 'NULL'
      : Array.isArray(value)
        ? 'ARRAY'
        : typeof value === 'boolean'
          ? 'BOOLEAN'
          : 'OBJECT';
  const notes = warnings.length
    ? ` The evaluation reported the following warnings:\n${warnings.map((w) => `[${w.type}] ${w.message}`).join('\n')}`
    : '';
  throw new IncidentError(
    'EXTRACT_VALUE_ERROR',
    `Failed to extract the correlation key for '${expression.replace(/^=/, '').trim()}': The value must be either a string or a number, but was '${type}'.${notes}`,
  );
}

type TimerTiming = Pick<Timer, 'dueDate' | 'repetitions' | 'interval'>;

function timerText(text: string, vars: Record<string, unknown>): string {
  return String(evaluateTyped(text, 'ANY', vars));
}

export function timerFor(
  engine: Engine,
  def: ElementDef,
  vars: Record<string, unknown>,
  repeat: boolean,
): TimerTiming {
  const spec = def.event?.timer ?? {};
  if (spec.duration !== undefined) {
    const text = timerText(spec.duration, vars);
    const d = parseDuration(text);
    if (!d)
      throw new IncidentError(
        'EXTRACT_VALUE_ERROR',
        `Invalid duration format '${text}' for timer of element '${def.id}'`,
      );
    return { dueDate: addDuration(engine.now, d), repetitions: 1 };
  }
  if (spec.date !== undefined) {
    const text = timerText(spec.date, vars);
    const due = parseDate(text);
    if (due === null)
      throw new IncidentError(
        'EXTRACT_VALUE_ERROR',
        `Invalid date-time format '${text}' for timer of element '${def.id}'`,
      );
    return { dueDate: due, repetitions: 1 };
  }
  const text = timerText(spec.cycle ?? '', vars);
  const cycle = parseCycle(text);
  if (!cycle)
    throw new IncidentError(
      'EXTRACT_VALUE_ERROR',
      `Invalid cycle format '${text}' for timer of element '${def.id}'`,
    );
  const first = cycle.start ?? nextAfter(cycle.interval, engine.now);
  if (first === null) throw new IncidentError('EXTRACT_VALUE_ERROR', `Invalid cycle format '${text}'`);
  return {
    dueDate: first,
    repetitions: repeat || def.type === 'startEvent' ? cycle.repetitions : 1,
    interval: cycle.interval,
  };
}

// ---- message subscriptions, indexed by message name and correlation key ----

function messageIndexKey(name: string, correlationKey: string): string {
  return `${name}\u0000${correlationKey}`;
}

function addMessageSubscription(engine: Engine, sub: MessageSubscription): void {
  engine.state.messageSubscriptions[sub.key] = sub;
  indexMessageSubscription(engine, sub);
}

function indexMessageSubscription(engine: Engine, sub: MessageSubscription): void {
  const at = messageIndexKey(sub.messageName, sub.correlationKey);
  let keys = engine.subscriptionsByMessage.get(at);
  if (!keys) engine.subscriptionsByMessage.set(at, (keys = new Set()));
  keys.add(sub.key);
}

function deleteMessageSubscription(engine: Engine, key: number): void {
  const sub = engine.state.messageSubscriptions[key];
  if (!sub) return;
  delete engine.state.messageSubscriptions[key];
  const at = messageIndexKey(sub.messageName, sub.correlationKey);
  const keys = engine.subscriptionsByMessage.get(at);
  keys?.delete(key);
  if (keys?.size === 0) engine.subscriptionsByMessage.delete(at);
}

export function rebuildMessageIndex(engine: Engine): void {
  engine.subscriptionsByMessage.clear();
  for (const sub of Object.values(engine.state.messageSubscriptions)) indexMessageSubscription(engine, sub);
}

// ---- closing ----

export function closeOwned(engine: Engine, owner: ElementInstance): void {
  const s = engine.state;
  for (const key of engine.owned.get(owner.key) ?? []) {
    deleteMessageSubscription(engine, key);
    delete s.signalSubscriptions[key];
    delete s.timers[key];
  }
  engine.owned.delete(owner.key);
}

function closeKinds(engine: Engine, owner: ElementInstance, kind: SubscriptionKind): void {
  const s = engine.state;
  const keys = engine.owned.get(owner.key);
  for (const key of keys ?? []) {
    const sub = s.messageSubscriptions[key] ?? s.signalSubscriptions[key] ?? s.timers[key];
    if (sub && sub.kind !== kind) continue;
    deleteMessageSubscription(engine, key);
    delete s.signalSubscriptions[key];
    delete s.timers[key];
    keys?.delete(key);
  }
}

// ---- triggering ----

interface Trigger {
  kind: SubscriptionKind;
  ownerKey: number;
  targetElementId: string;
  interrupting: boolean;
}

/** Fires a subscription or timer; returns false if its owner is gone. */
export function trigger(
  engine: Engine,
  t: Trigger,
  variables: Record<string, unknown>,
  local = false,
): boolean {
  const owner = engine.el(t.ownerKey);
  if (!owner || owner.state !== 'ACTIVATED') return false;
  const model = engine.modelOf(owner);
  const target = model.elements.get(t.targetElementId);
  if (!target) return false;
  switch (t.kind) {
    case 'catch':
      closeOwned(engine, owner);
      engine.complete(owner, variables);
      return true;
    case 'boundary':
      triggerBoundary(engine, owner, target, variables, local);
      return true;
    case 'gateway': {
      closeOwned(engine, owner);
      const gatewayDef = engine.defOf(owner);
      const flow = gatewayDef.outgoing.find((id) => model.flows.get(id)?.target === target.id);
      const scope = engine.el(owner.flowScopeKey as number) as ElementInstance;
      engine.hold(scope, () => {
        engine.complete(owner, undefined, { flows: [] });
        if (flow) engine.takeFlow(flow, scope, { eventVariables: variables });
      });
      return true;
    }
    case 'eventSubprocess':
      triggerEventSubprocess(engine, owner, model, target, variables, t.interrupting, local);
      return true;
  }
}

function triggerBoundary(
  engine: Engine,
  activity: ElementInstance,
  boundary: ElementDef,
  variables: Record<string, unknown>,
  local: boolean,
): void {
  const scope = engine.el(activity.flowScopeKey as number) as ElementInstance;
  engine.hold(scope, () => {
    if (boundary.cancelActivity) engine.terminate(activity);
    engine.activate(boundary, scope, { eventVariables: variables, eventLocal: local });
  });
}

function triggerEventSubprocess(
  engine: Engine,
  scope: ElementInstance,
  model: ProcessModel,
  start: ElementDef,
  variables: Record<string, unknown>,
  interrupting: boolean,
  local: boolean,
): void {
  const sub = model.elements.get(start.scopeId);
  if (!sub) return;
  engine.hold(scope, () => {
    if (interrupting) {
      closeKinds(engine, scope, 'eventSubprocess');
      engine.terminateChildren(scope);
      scope.interrupted = true;
    }
    engine.activate(sub, scope, { eventVariables: variables, eventLocal: local });
  });
}

// ---- errors ----

function matchError(defs: ElementDef[], code: string): ElementDef | undefined {
  return defs.find((d) => d.event?.errorCode === code) ?? defs.find((d) => d.event?.errorCode === undefined);
}

/** Zeebe's search: boundaries, then error event subprocesses, then enclosing scopes, then across call activities. */
export function throwError(
  engine: Engine,
  from: ElementInstance,
  code: string,
  _message: string,
  variables: Record<string, unknown>,
): boolean {
  let current: ElementInstance | undefined = from;
  while (current) {
    const model = engine.modelOf(current);
    if (current.elementType !== 'process') {
      const def = engine.defOf(current);
      if (engine.ownsBoundaries(current, def)) {
        const boundaries = def.boundaries
          .map((id) => model.elements.get(id))
          .filter((b): b is ElementDef => b?.event?.kind === 'error');
        const match = matchError(boundaries, code);
        if (match) {
          triggerBoundary(engine, current, match, variables, true);
          return true;
        }
      }
    }
    if (current.elementType === 'process' || current.elementType === 'subProcess') {
      const starts = engine
        .eventSubprocesses(current)
        .map((sub) => startEventOf(model, sub))
        .filter((s): s is ElementDef => s?.event?.kind === 'error');
      const match = matchError(starts, code);
      if (match && current.state === 'ACTIVATED') {
        triggerEventSubprocess(engine, current, model, match, variables, true, true);
        return true;
      }
    }
    if (current.flowScopeKey !== null) current = engine.el(current.flowScopeKey);
    else if (current.parentElementInstanceKey !== undefined)
      current = engine.el(current.parentElementInstanceKey);
    else current = undefined;
  }
  return false;
}

// ---- messages ----

export function correlateMessage(engine: Engine, message: Message): void {
  const keys = engine.subscriptionsByMessage.get(messageIndexKey(message.name, message.correlationKey));
  const subs = [...(keys ?? [])]
    .sort((a, b) => a - b)
    .map((key) => engine.state.messageSubscriptions[key] as MessageSubscription);
  for (const sub of subs) {
    if (message.correlatedProcesses.includes(sub.bpmnProcessId)) continue;
    if (!engine.state.messageSubscriptions[sub.key]) continue;
    if (!sub.interrupting && sub.kind !== 'catch' && sub.kind !== 'gateway') {
      // non-interrupting subscriptions stay open
    } else {
      deleteMessageSubscription(engine, sub.key);
    }
    if (trigger(engine, sub, message.variables)) message.correlatedProcesses.push(sub.bpmnProcessId);
  }
}

/** The oldest live buffered message of the name and key not yet correlated to the process. */
function oldestBuffered(
  engine: Engine,
  name: string,
  correlationKey: string,
  bpmnProcessId: string,
): Message | undefined {
  let oldest: Message | undefined;
  for (const m of Object.values(engine.state.messages)) {
    if (m.name !== name || m.correlationKey !== correlationKey || m.deadline <= engine.now) continue;
    if (m.correlatedProcesses.includes(bpmnProcessId)) continue;
    if (!oldest || m.key < oldest.key) oldest = m;
  }
  return oldest;
}

/** Subscriptions opened during the command take the oldest matching buffered message. */
export function correlateBuffered(engine: Engine): void {
  while (engine.pendingCorrelations.length > 0) {
    const key = engine.pendingCorrelations.shift() as number;
    const sub = engine.state.messageSubscriptions[key];
    if (!sub) continue;
    const message = oldestBuffered(engine, sub.messageName, sub.correlationKey, sub.bpmnProcessId);
    if (!message) continue;
    if (sub.interrupting || sub.kind === 'catch' || sub.kind === 'gateway')
      deleteMessageSubscription(engine, key);
    if (trigger(engine, sub, message.variables)) message.correlatedProcesses.push(sub.bpmnProcessId);
  }
}

export function startByMessage(engine: Engine, message: Message): void {
  for (const defKey of Object.values(engine.state.latest)) {
    const def = engine.state.processes[defKey];
    const model = engine.models.get(defKey);
    if (!def || !model || message.correlatedProcesses.includes(def.bpmnProcessId)) continue;
    const start = model.children
      .map((id) => model.elements.get(id))
      .find(
        (e) => e?.type === 'startEvent' && e.event?.kind === 'message' && messageNameOf(e) === message.name,
      );
    if (!start) continue;
    if (
      message.correlationKey !== '' &&
      activeByMessageKey(engine, def.bpmnProcessId, message.correlationKey)
    )
      continue;
    engine.createProcessInstance(def, message.variables, {
      startEventId: start.id,
      eventVariables: {},
      ...(message.correlationKey !== ''
        ? { startMessage: { name: message.name, correlationKey: message.correlationKey } }
        : {}),
    });
    message.correlatedProcesses.push(def.bpmnProcessId);
  }
}

function messageNameOf(def: ElementDef): string | undefined {
  const name = def.event?.messageName;
  if (!name) return undefined;
  return isExpression(name) ? String(evaluateFeel(name, {}).value) : name;
}

function activeByMessageKey(engine: Engine, bpmnProcessId: string, correlationKey: string): boolean {
  return Object.values(engine.state.elements).some(
    (e) =>
      e.elementType === 'process' &&
      e.bpmnProcessId === bpmnProcessId &&
      e.state === 'ACTIVATED' &&
      e.startMessage?.correlationKey === correlationKey,
  );
}

export function onMessageStartedInstanceEnded(engine: Engine, root: ElementInstance): void {
  const started = root.startMessage;
  if (!started) return;
  const waiting = oldestBuffered(engine, started.name, started.correlationKey, root.bpmnProcessId);
  if (waiting) startByMessage(engine, waiting);
}

// ---- signals ----

export function broadcastSignal(engine: Engine, name: string, variables: Record<string, unknown>): void {
  const subs = Object.values(engine.state.signalSubscriptions)
    .filter((s) => s.signalName === name)
    .sort((a, b) => a.key - b.key);
  for (const sub of subs) {
    if (!engine.state.signalSubscriptions[sub.key]) continue;
    if (sub.interrupting || sub.kind === 'catch' || sub.kind === 'gateway')
      delete engine.state.signalSubscriptions[sub.key];
    trigger(engine, sub, variables);
  }
  for (const defKey of Object.values(engine.state.latest)) {
    const def = engine.state.processes[defKey];
    const model = engine.models.get(defKey);
    if (!def || !model) continue;
    const start = model.children
      .map((id) => model.elements.get(id))
      .find((e) => e?.type === 'startEvent' && e.event?.kind === 'signal' && e.event.signalName === name);
    if (start) engine.createProcessInstance(def, variables, { startEventId: start.id, eventVariables: {} });
  }
}

// ---- timers ----

function addTimer(engine: Engine, timer: Timer): void {
  engine.state.timers[timer.key] = timer;
  engine.timerQueue.push(timer.dueDate, timer.key);
}

/** A queue entry stands for a timer that is still open and still due then (not closed, not moved on). */
function timerEntryValid(engine: Engine, due: number, key: number): boolean {
  return engine.state.timers[key]?.dueDate === due;
}

function messageEntryValid(engine: Engine, due: number, key: number): boolean {
  return engine.state.messages[key]?.deadline === due;
}

export function fireDueTimers(engine: Engine): void {
  for (;;) {
    // the earliest due timer (oldest key on a tie); firing may add or remove timers, so look again each time
    const next = engine.timerQueue.peek((due, key) => timerEntryValid(engine, due, key));
    if (!next || next.due > engine.now) return;
    engine.timerQueue.pop();
    fireTimer(engine, engine.state.timers[next.key] as Timer);
    correlateBuffered(engine);
  }
}

/** A buffered message is kept until its time to live ends. */
export function bufferMessage(engine: Engine, message: Message): void {
  engine.state.messages[message.key] = message;
  engine.messageQueue.push(message.deadline, message.key);
}

export function expireMessages(engine: Engine): void {
  for (;;) {
    const next = engine.messageQueue.peek((due, key) => messageEntryValid(engine, due, key));
    if (!next || next.due > engine.now) return;
    engine.messageQueue.pop();
    delete engine.state.messages[next.key];
  }
}

export function nextMessageExpiry(engine: Engine): number {
  return engine.messageQueue.peek((due, key) => messageEntryValid(engine, due, key))?.due ?? Infinity;
}

export function rebuildDueQueues(engine: Engine): void {
  engine.timerQueue.clear();
  for (const t of Object.values(engine.state.timers)) engine.timerQueue.push(t.dueDate, t.key);
  engine.messageQueue.clear();
  for (const m of Object.values(engine.state.messages)) engine.messageQueue.push(m.deadline, m.key);
}

function fireTimer(engine: Engine, timer: Timer): void {
  const repeat = timer.repetitions === -1 || timer.repetitions > 1;
  if (repeat && timer.interval) {
    const next = nextAfter(timer.interval, timer.dueDate);
    if (next !== null) {
      timer.dueDate = next;
      engine.timerQueue.push(next, timer.key);
      if (timer.repetitions > 0) timer.repetitions--;
    } else {
      delete engine.state.timers[timer.key];
    }
  } else {
    delete engine.state.timers[timer.key];
  }
  if (timer.kind === 'start') {
    const def = engine.state.processes[timer.processDefinitionKey];
    if (def)
      engine.createProcessInstance(def, {}, { startEventId: timer.targetElementId, eventVariables: {} });
    return;
  }
  if (timer.ownerKey === null) return;
  const kind: SubscriptionKind = timer.kind;
  if (timer.interrupting || timer.kind === 'catch' || timer.kind === 'gateway')
    delete engine.state.timers[timer.key];
  trigger(engine, { ...timer, kind, ownerKey: timer.ownerKey }, {});
}

export function scheduleStartTimers(engine: Engine, defKey: number, model: ProcessModel): void {
  for (const id of model.children) {
    const start = model.elements.get(id);
    if (start?.type !== 'startEvent' || start.event?.kind !== 'timer') continue;
    const timing = timerFor(engine, start, {}, true);
    const key = engine.nextKey();
    addTimer(engine, {
      key,
      kind: 'start',
      ownerKey: null,
      processInstanceKey: null,
      processDefinitionKey: defKey,
      targetElementId: start.id,
      interrupting: true,
      ...timing,
    });
  }
}

export function nextTimerDue(engine: Engine): number {
  return engine.timerQueue.peek((due, key) => timerEntryValid(engine, due, key))?.due ?? Infinity;
}
