// The executable model the engine runs, extracted from bpmn-moddle's tree at deploy time.

export interface Mapping {
  source: string;
  target: string;
}

export type EventKind =
  'none' | 'message' | 'timer' | 'error' | 'signal' | 'terminate' | 'escalation' | 'link';

export interface TimerDef {
  duration?: string;
  date?: string;
  cycle?: string;
}

export interface EventDef {
  kind: EventKind;
  messageName?: string;
  correlationKey?: string;
  timer?: TimerDef;
  /** undefined = catch-all (no errorRef) */
  errorCode?: string;
  signalName?: string;
}

export interface MultiInstanceDef {
  sequential: boolean;
  inputCollection: string;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: string;
  completionCondition?: string;
}

export interface UserTaskDef {
  assignee?: string;
  candidateGroups?: string;
  candidateUsers?: string;
  dueDate?: string;
  followUpDate?: string;
  formKey?: string;
  formId?: string;
}

export interface ElementDef {
  id: string;
  name?: string;
  /** bpmn type without prefix, camelCase: serviceTask, exclusiveGateway, subProcess ... */
  type: string;
  /** id of the enclosing process or subprocess */
  scopeId: string;
  incoming: string[];
  outgoing: string[];
  defaultFlow?: string;
  jobType?: string;
  jobRetries?: string;
  headers: Record<string, string>;
  inputs: Mapping[];
  outputs: Mapping[];
  event?: EventDef;
  attachedTo?: string;
  cancelActivity: boolean;
  boundaries: string[];
  /** subprocess/event subprocess children */
  children: string[];
  triggeredByEvent: boolean;
  multiInstance?: MultiInstanceDef;
  calledProcessId?: string;
  propagateAllChildVariables: boolean;
  propagateAllParentVariables: boolean;
  script?: { expression: string; resultVariable: string };
  /** a business rule task's `zeebe:calledDecision`: the decision id (static or `=` expression) and result name */
  calledDecision?: { decisionId: string; resultVariable: string };
  userTask?: UserTaskDef;
  /** for event-based gateways: ids of the catch events following it */
  eventTargets: string[];
}

export interface FlowDef {
  id: string;
  source: string;
  target: string;
  condition?: string;
}

export interface ProcessModel {
  id: string;
  name?: string;
  elements: Map<string, ElementDef>;
  flows: Map<string, FlowDef>;
  /** top-level children of the process */
  children: string[];
  /** embedded forms by id (zeebe:userTaskForm) */
  forms: Map<string, string>;
}

export function noneStartOf(model: ProcessModel, children: string[]): ElementDef | undefined {
  for (const id of children) {
    const el = model.elements.get(id);
    if (el && el.type === 'startEvent' && (el.event?.kind ?? 'none') === 'none') return el;
  }
  return undefined;
}

export function eventSubprocessesOf(model: ProcessModel, children: string[]): ElementDef[] {
  const out: ElementDef[] = [];
  for (const id of children) {
    const el = model.elements.get(id);
    if (el && el.type === 'subProcess' && el.triggeredByEvent) out.push(el);
  }
  return out;
}

export function startEventOf(model: ProcessModel, subprocess: ElementDef): ElementDef | undefined {
  for (const id of subprocess.children) {
    const el = model.elements.get(id);
    if (el && el.type === 'startEvent') return el;
  }
  return undefined;
}

export function childrenOf(model: ProcessModel, scopeId: string): string[] {
  if (scopeId === model.id) return model.children;
  return model.elements.get(scopeId)?.children ?? [];
}
