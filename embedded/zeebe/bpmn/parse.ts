// BPMN XML → ProcessModel[] with Zeebe's deploy-time validation messages.
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { validate } from './validate';
import type { ElementDef, EventDef, FlowDef, Mapping, ProcessModel } from './model';

interface Node {
  $type: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}

export interface ValidationError {
  elementId: string;
  message: string;
}

export class BpmnParseError extends Error {
  constructor(readonly errors: ValidationError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

const moddle = new BpmnModdle({ zeebe: zeebeSchema });

const SUPPORTED = new Set([
  'startEvent',
  'endEvent',
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'boundaryEvent',
  'serviceTask',
  'userTask',
  'sendTask',
  'receiveTask',
  'scriptTask',
  'businessRuleTask',
  'manualTask',
  'task',
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'subProcess',
  'callActivity',
  'sequenceFlow',
]);

function local(type: string): string {
  const name = type.split(':')[1] ?? type;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function ext(node: Node, type: string): Node[] {
  const ee = node.extensionElements as Node | undefined;
  const values = (ee?.values as Node[] | undefined) ?? [];
  return values.filter((v) => v.$type === type);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function body(expr: unknown): string | undefined {
  if (!expr || typeof expr !== 'object') return undefined;
  return str((expr as Node).body);
}

export async function parseBpmn(xml: string): Promise<ProcessModel[]> {
  let root: Node;
  try {
    const result = await moddle.fromXML(xml);
    root = result.rootElement as unknown as Node;
  } catch (error) {
    throw new BpmnParseError([
      { elementId: '', message: `Failed to parse resource: ${(error as Error).message}` },
    ]);
  }
  if (root.$type !== 'bpmn:Definitions') {
    throw new BpmnParseError([{ elementId: '', message: 'Expected a bpmn:definitions root element' }]);
  }
  const errors: ValidationError[] = [];
  const processes = ((root.rootElements as Node[] | undefined) ?? []).filter(
    (e) => e.$type === 'bpmn:Process' && e.isExecutable === true,
  );
  if (processes.length === 0) {
    errors.push({ elementId: '', message: 'Must contain at least one executable process' });
  }
  const models = processes.map((p) => buildProcess(p, errors));
  if (errors.length > 0) throw new BpmnParseError(errors);
  return models;
}

function buildProcess(process: Node, errors: ValidationError[]): ProcessModel {
  const model: ProcessModel = {
    id: process.id ?? '',
    name: str(process.name),
    elements: new Map(),
    flows: new Map(),
    children: [],
    forms: new Map(),
  };
  for (const form of ext(process, 'zeebe:UserTaskForm')) {
    if (form.id) model.forms.set(form.id, String(form.body ?? ''));
  }
  model.children = collect(process, model.id, model, errors);
  // <incoming>/<outgoing> children are optional in BPMN XML; the sequence flows are the truth.
  for (const el of model.elements.values()) {
    el.incoming = [];
    el.outgoing = [];
  }
  for (const flow of model.flows.values()) {
    model.elements.get(flow.source)?.outgoing.push(flow.id);
    model.elements.get(flow.target)?.incoming.push(flow.id);
  }
  validate(model, errors);
  return model;
}

function collect(container: Node, scopeId: string, model: ProcessModel, errors: ValidationError[]): string[] {
  const ids: string[] = [];
  for (const node of (container.flowElements as Node[] | undefined) ?? []) {
    const type = local(node.$type);
    const id = node.id ?? '';
    if (type === 'sequenceFlow') {
      const flow: FlowDef = {
        id,
        source: (node.sourceRef as Node | undefined)?.id ?? '',
        target: (node.targetRef as Node | undefined)?.id ?? '',
        condition: body(node.conditionExpression),
      };
      model.flows.set(id, flow);
      continue;
    }
    if (type === 'dataObjectReference' || type === 'dataStoreReference' || type === 'dataObject') continue;
    if (!SUPPORTED.has(type)) {
      errors.push({ elementId: id, message: `Elements of type '${type}' are currently not supported` });
      continue;
    }
    const el = buildElement(node, type, scopeId, errors);
    model.elements.set(id, el);
    ids.push(id);
    if (type === 'subProcess') el.children = collect(node, id, model, errors);
  }
  return ids;
}

function mappings(node: Node, kind: 'inputParameters' | 'outputParameters'): Mapping[] {
  const io = ext(node, 'zeebe:IoMapping')[0];
  const params = (io?.[kind] as Node[] | undefined) ?? [];
  return params.map((p) => ({ source: String(p.source ?? ''), target: String(p.target ?? '') }));
}

function eventOf(node: Node, errors: ValidationError[]): EventDef | undefined {
  const defs = (node.eventDefinitions as Node[] | undefined) ?? [];
  if (defs.length === 0) return undefined;
  const id = node.id ?? '';
  if (defs.length > 1) {
    errors.push({ elementId: id, message: 'Event with multiple event definitions is not supported' });
  }
  const def = defs[0] as Node;
  switch (def.$type) {
    case 'bpmn:MessageEventDefinition': {
      const message = def.messageRef as Node | undefined;
      const sub = message ? ext(message, 'zeebe:Subscription')[0] : undefined;
      return {
        kind: 'message',
        messageName: str(message?.name),
        correlationKey: str(sub?.correlationKey),
      };
    }
    case 'bpmn:TimerEventDefinition':
      return {
        kind: 'timer',
        timer: { duration: body(def.timeDuration), date: body(def.timeDate), cycle: body(def.timeCycle) },
      };
    case 'bpmn:ErrorEventDefinition': {
      const error = def.errorRef as Node | undefined;
      return { kind: 'error', errorCode: error ? (str(error.errorCode) ?? '') : undefined };
    }
    case 'bpmn:SignalEventDefinition':
      return { kind: 'signal', signalName: str((def.signalRef as Node | undefined)?.name) };
    case 'bpmn:TerminateEventDefinition':
      return { kind: 'terminate' };
    case 'bpmn:EscalationEventDefinition':
      return { kind: 'escalation' };
    case 'bpmn:LinkEventDefinition':
      return { kind: 'link' };
    default:
      errors.push({ elementId: id, message: 'Event definition of this type is not supported' });
      return undefined;
  }
}

function receiveTaskEvent(node: Node): EventDef {
  // A receive task references its message directly, not through an event definition.
  const message = node.messageRef as Node | undefined;
  const sub = message ? ext(message, 'zeebe:Subscription')[0] : undefined;
  return { kind: 'message', messageName: str(message?.name), correlationKey: str(sub?.correlationKey) };
}

function buildElement(node: Node, type: string, scopeId: string, errors: ValidationError[]): ElementDef {
  const id = node.id ?? '';
  const taskDef = ext(node, 'zeebe:TaskDefinition');
  const headers: Record<string, string> = {};
  for (const h of (ext(node, 'zeebe:TaskHeaders')[0]?.values as Node[] | undefined) ?? []) {
    const key = str(h.key);
    const value = str(h.value);
    if (key && value) headers[key] = value;
  }
  const el: ElementDef = {
    id,
    name: str(node.name),
    type,
    scopeId,
    incoming: [],
    outgoing: [],
    defaultFlow: (node.default as Node | undefined)?.id,
    headers,
    inputs: mappings(node, 'inputParameters'),
    outputs: mappings(node, 'outputParameters'),
    event: type === 'receiveTask' ? receiveTaskEvent(node) : eventOf(node, errors),
    attachedTo: (node.attachedToRef as Node | undefined)?.id,
    cancelActivity: node.cancelActivity !== false,
    boundaries: [],
    children: [],
    triggeredByEvent: node.triggeredByEvent === true,
    propagateAllChildVariables: true,
    propagateAllParentVariables: true,
    eventTargets: [],
  };
  if (type === 'startEvent') el.cancelActivity = node.isInterrupting !== false;
  if (taskDef.length > 1) {
    errors.push({ elementId: id, message: "Must have exactly one 'zeebe:taskDefinition' extension element" });
  }
  if (taskDef[0]) {
    el.jobType = str(taskDef[0].type);
    el.jobRetries = str(taskDef[0].retries) ?? '3';
  }
  const loop = node.loopCharacteristics as Node | undefined;
  if (loop) {
    if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
      errors.push({ elementId: id, message: 'Standard loop characteristics are currently not supported' });
    } else {
      const zl = ext(loop, 'zeebe:LoopCharacteristics')[0];
      el.multiInstance = {
        sequential: loop.isSequential === true,
        inputCollection: String(zl?.inputCollection ?? ''),
        inputElement: str(zl?.inputElement),
        outputCollection: str(zl?.outputCollection),
        outputElement: str(zl?.outputElement),
        completionCondition: body(loop.completionCondition),
      };
    }
  }
  const called = ext(node, 'zeebe:CalledElement')[0];
  if (called) {
    el.calledProcessId = str(called.processId);
    el.propagateAllChildVariables = called.propagateAllChildVariables !== false;
    el.propagateAllParentVariables = called.propagateAllParentVariables !== false;
  }
  const script = ext(node, 'zeebe:Script')[0];
  if (script) {
    el.script = {
      expression: String(script.expression ?? ''),
      resultVariable: String(script.resultVariable ?? ''),
    };
  }
  const decision = ext(node, 'zeebe:CalledDecision')[0];
  if (decision) {
    el.calledDecision = {
      decisionId: String(decision.decisionId ?? ''),
      resultVariable: String(decision.resultVariable ?? ''),
    };
  }
  if (type === 'userTask') {
    const assignment = ext(node, 'zeebe:AssignmentDefinition')[0];
    const schedule = ext(node, 'zeebe:TaskSchedule')[0];
    const form = ext(node, 'zeebe:FormDefinition')[0];
    el.userTask = {
      assignee: str(assignment?.assignee),
      candidateGroups: str(assignment?.candidateGroups),
      candidateUsers: str(assignment?.candidateUsers),
      dueDate: str(schedule?.dueDate),
      followUpDate: str(schedule?.followUpDate),
      formKey: str(form?.formKey),
      formId: str(form?.formId),
    };
  }
  return el;
}
