// Engine state: plain data only, so a snapshot is JSON and a replay rebuilds it exactly.

export type ElementState = 'ACTIVATING' | 'ACTIVATED' | 'COMPLETING' | 'COMPLETED' | 'TERMINATED';

export interface ElementInstance {
  key: number;
  elementId: string;
  /** 'process', 'multiInstanceBody' or the BPMN element type */
  elementType: string;
  state: ElementState;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  version: number;
  flowScopeKey: number | null;
  activeChildren: number[];
  /** parallel-join tokens waiting in this flow scope, by sequence flow id */
  joinTokens: Record<string, number>;
  jobKey?: number;
  childProcessInstanceKey?: number;
  parentElementInstanceKey?: number;
  parentProcessInstanceKey?: number;
  /** multi-instance body bookkeeping */
  mi?: { items: unknown[]; next: number; completed: number; terminated: number };
  loopCounter?: number;
  /** variables a catch event received (message, signal, error, timer) before its output mappings ran */
  eventVariables?: Record<string, unknown>;
  /** event variables stay local to the catch event (errors) */
  eventLocal?: boolean;
  /** for a root started by a message start event with a correlation key */
  startMessage?: { name: string; correlationKey: string };
  /** an interrupting event subprocess took over this scope */
  interrupted?: boolean;
  startedAt: number;
  endedAt?: number;
}

export type JobState = 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'ERROR_THROWN';

export interface Job {
  key: number;
  type: string;
  state: JobState;
  retries: number;
  worker: string;
  deadline: number;
  backoffUntil: number;
  errorMessage: string;
  customHeaders: Record<string, string>;
  elementInstanceKey: number;
  elementId: string;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  version: number;
  createdAt: number;
}

export type IncidentType =
  | 'JOB_NO_RETRIES'
  | 'UNHANDLED_ERROR_EVENT'
  | 'EXTRACT_VALUE_ERROR'
  | 'IO_MAPPING_ERROR'
  | 'CALLED_ELEMENT_ERROR'
  | 'CONDITION_ERROR'
  | 'FORM_NOT_FOUND'
  | 'CALLED_DECISION_ERROR'
  | 'DECISION_EVALUATION_ERROR';

export interface Incident {
  key: number;
  type: IncidentType;
  message: string;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  elementInstanceKey: number;
  elementId: string;
  jobKey?: number;
  /** what resolving retries */
  retry: 'activate' | 'complete' | 'job' | 'eventSubprocess';
  /** for 'eventSubprocess': the event subprocess whose start subscription failed to open */
  subprocessId?: string;
  createdAt: number;
}

export type SubscriptionKind = 'catch' | 'boundary' | 'gateway' | 'eventSubprocess';

export interface MessageSubscription {
  key: number;
  kind: SubscriptionKind;
  ownerKey: number;
  processInstanceKey: number;
  bpmnProcessId: string;
  messageName: string;
  correlationKey: string;
  /** element to activate when it triggers */
  targetElementId: string;
  interrupting: boolean;
  createdAt: number;
}

export interface SignalSubscription {
  key: number;
  kind: SubscriptionKind;
  ownerKey: number;
  processInstanceKey: number;
  signalName: string;
  targetElementId: string;
  interrupting: boolean;
}

export interface Timer {
  key: number;
  kind: SubscriptionKind | 'start';
  /** null for start timers */
  ownerKey: number | null;
  processInstanceKey: number | null;
  processDefinitionKey: number;
  targetElementId: string;
  dueDate: number;
  /** remaining repetitions after this one; -1 = infinite */
  repetitions: number;
  /** ISO duration or cron text for cycles */
  interval?: string;
  interrupting: boolean;
}

export interface Message {
  key: number;
  name: string;
  correlationKey: string;
  variables: Record<string, unknown>;
  deadline: number;
  messageId: string;
  correlatedProcesses: string[];
}

export interface ProcessDefinition {
  key: number;
  bpmnProcessId: string;
  version: number;
  resourceName: string;
  checksum: string;
  xml: string;
  deploymentKey: number;
  deployedAt: number;
}

export interface FormDefinition {
  key: number;
  formId: string;
  version: number;
  resourceName: string;
  checksum: string;
}

/** A deployed DMN resource: its decision requirements graph (DRG), versioned by its definitions' id. */
export interface DecisionRequirementsDefinition {
  key: number;
  decisionRequirementsId: string;
  name: string;
  version: number;
  resourceName: string;
  checksum: string;
  xml: string;
  deploymentKey: number;
  deployedAt: number;
}

/** One decision of a deployed DRG, versioned by its own id. */
export interface DecisionDefinition {
  key: number;
  decisionId: string;
  name: string;
  version: number;
  decisionRequirementsKey: number;
  decisionRequirementsId: string;
}

export interface EngineState {
  nextKey: number;
  lastNow: number;
  processes: Record<string, ProcessDefinition>;
  latest: Record<string, number>;
  forms: Record<string, FormDefinition>;
  latestForm: Record<string, number>;
  decisionRequirements: Record<string, DecisionRequirementsDefinition>;
  latestDecisionRequirements: Record<string, number>;
  decisions: Record<string, DecisionDefinition>;
  latestDecision: Record<string, number>;
  elements: Record<string, ElementInstance>;
  variables: Record<string, Record<string, unknown>>;
  jobs: Record<string, Job>;
  incidents: Record<string, Incident>;
  messageSubscriptions: Record<string, MessageSubscription>;
  signalSubscriptions: Record<string, SignalSubscription>;
  timers: Record<string, Timer>;
  messages: Record<string, Message>;
  /** root keys of finished instances, oldest first, pruned beyond a cap */
  finished: number[];
  /** highest version of each process id whose definition was deleted: versions are never reused */
  deletedProcessVersions?: Record<string, number>;
}

export const FIRST_KEY = 2251799813685249;

export function emptyState(): EngineState {
  return {
    nextKey: FIRST_KEY,
    lastNow: 0,
    processes: {},
    latest: {},
    forms: {},
    latestForm: {},
    decisionRequirements: {},
    latestDecisionRequirements: {},
    decisions: {},
    latestDecision: {},
    elements: {},
    variables: {},
    jobs: {},
    incidents: {},
    messageSubscriptions: {},
    signalSubscriptions: {},
    timers: {},
    messages: {},
    finished: [],
  };
}
