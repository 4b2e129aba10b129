// A procedure model as a small graph placed on a grid. The writer turns it into Zeebe 8.3 BPMN XML with DI, so
// every model opens laid out in bpmn-js without a hand-drawn diagram.

export type CandidateGroup = 'mot-cua' | 'chuyen-vien' | 'lanh-dao';

/** Column and row on the layout grid; half steps are allowed. */
export interface Cell {
  col: number;
  row: number;
}

export interface IoMapping {
  inputs?: { source: string; target: string }[];
  outputs?: { source: string; target: string }[];
}

interface NodeBase {
  id: string;
  name?: string;
  at: Cell;
}

export interface StartNode extends NodeBase {
  kind: 'start';
  /** Message start (inter-agency share) or interrupting message start of an event subprocess. */
  message?: string;
  /** Timer start of an event subprocess: FEEL date expression. */
  timerDate?: string;
  interrupting?: boolean;
  io?: IoMapping;
}

export interface EndNode extends NodeBase {
  kind: 'end';
}

export interface ServiceNode extends NodeBase {
  kind: 'service';
  jobType: string;
  headers?: Record<string, string>;
  /** Element template id applied to this task (zeebe:modelerTemplate). */
  template?: { id: string; version: number };
  io?: IoMapping;
}

/** A business rule task calling a DMN decision of the catalogue (zeebe:calledDecision); no worker involved. */
export interface RuleNode extends NodeBase {
  kind: 'rule';
  decisionId: string;
  resultVariable: string;
}

export interface UserNode extends NodeBase {
  kind: 'user';
  candidateGroups: CandidateGroup[];
  /** Custom form key the inbox resolves to its task form (which decisions the officer can take). */
  formKey: string;
  dueDate?: string;
  io?: IoMapping;
}

export interface ReceiveNode extends NodeBase {
  kind: 'receive';
  message: string;
  io?: IoMapping;
}

export interface GatewayNode extends NodeBase {
  kind: 'xor' | 'and';
}

export interface SubProcessNode extends NodeBase {
  kind: 'subprocess';
  /** Event subprocess (triggeredByEvent). */
  triggeredByEvent?: boolean;
  nodes: FlowNode[];
  flows: Flow[];
}

/** Sits on the host's bottom edge at the x of its grid column (its row is ignored). */
export interface BoundaryTimerNode extends NodeBase {
  kind: 'boundary-timer';
  attachedTo: string;
  timerDate: string;
  cancelActivity: boolean;
}

export type FlowNode =
  | StartNode
  | EndNode
  | ServiceNode
  | RuleNode
  | UserNode
  | ReceiveNode
  | GatewayNode
  | SubProcessNode
  | BoundaryTimerNode;

export interface Flow {
  from: string;
  to: string;
  name?: string;
  /** FEEL condition without the leading '='. */
  condition?: string;
  isDefault?: boolean;
  /** Route a backward or detour flow along this grid row (y of that row's centre). */
  viaRow?: number;
}

export interface ProcessModel {
  id: string;
  name: string;
  /** Documentation shown in the modeler: legal frame of the model. */
  documentation?: string;
  nodes: FlowNode[];
  flows: Flow[];
}
