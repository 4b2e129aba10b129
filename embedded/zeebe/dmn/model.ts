// A parsed DMN decision requirements graph (DRG): the few facts the evaluator needs, as plain data.

/** The hit policies Zeebe's DMN engine supports (DMN 1.3, 8.2.1). */
export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';

/** COLLECT's optional aggregation (C+, C<, C>, C#). */
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface DecisionInput {
  id: string;
  /** the column's label, or its expression when it has none (Zeebe's `inputName`) */
  name: string;
  /** FEEL expression whose value the column's unary tests are applied to */
  expression: string;
}

export interface DecisionOutput {
  id: string;
  /** the key of this output in a multi-output result */
  name: string;
  typeRef?: string;
  /** FEEL list items giving PRIORITY / OUTPUT ORDER, highest first (`"high","medium","low"`) */
  outputValues?: string;
}

export interface DecisionRule {
  id: string;
  /** unary tests, one per input; '' or '-' matches anything */
  inputEntries: string[];
  /** FEEL expressions, one per output; '' gives null */
  outputEntries: string[];
}

export interface DecisionTableLogic {
  kind: 'decisionTable';
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  inputs: DecisionInput[];
  outputs: DecisionOutput[];
  rules: DecisionRule[];
}

export interface LiteralExpressionLogic {
  kind: 'literalExpression';
  expression: string;
}

export interface DecisionModel {
  id: string;
  name: string;
  /** the name a dependent decision reads this decision's result by: its variable's name, else its id */
  resultName: string;
  /** ids of the decisions whose results this one reads (its information requirements) */
  requiredDecisions: string[];
  logic: DecisionTableLogic | LiteralExpressionLogic;
}

export interface DecisionRequirementsModel {
  /** the definitions' id: Zeebe's decision requirements id */
  id: string;
  name: string;
  namespace: string;
  decisions: DecisionModel[];
}
