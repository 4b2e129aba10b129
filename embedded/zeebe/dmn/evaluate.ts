// Evaluates one decision of a DRG as Zeebe's DMN engine does: required decisions first (their results in the
// context by name), a table's rules by its hit policy, a literal expression's value. No I/O; FEEL is feelin's,
// through the engine's adapter (budget, Zeebe's JSON). A failure is part of the answer, as in Zeebe's response.
import { FeelError, evaluateFeelValue, toZeebeJson, unaryTestFeel } from '../feel';
import type { DecisionModel, DecisionRequirementsModel, DecisionRule, DecisionTableLogic } from './model';

export interface EvaluatedOutput {
  outputId: string;
  outputName: string;
  outputValue: unknown;
}

export interface MatchedRule {
  ruleId: string;
  /** 1-based, as Zeebe counts */
  ruleIndex: number;
  evaluatedOutputs: EvaluatedOutput[];
}

export interface EvaluatedDecision {
  decisionId: string;
  decisionName: string;
  decisionType: 'DECISION_TABLE' | 'LITERAL_EXPRESSION';
  decisionOutput: unknown;
  matchedRules: MatchedRule[];
  evaluatedInputs: Array<{ inputId: string; inputName: string; inputValue: unknown }>;
}

export interface DecisionEvaluation {
  /** the evaluated decision's result (null when it failed) */
  output: unknown;
  /** required decisions first, the requested one last; the failed one is not among them */
  evaluatedDecisions: EvaluatedDecision[];
  failedDecisionId?: string;
  failureMessage?: string;
}

class EvaluationFailure extends Error {
  constructor(
    readonly decisionId: string,
    reason: string,
  ) {
    super(`Expected to evaluate decision '${decisionId}', but ${reason}`);
  }
}

function feelValue(decisionId: string, expression: string, context: Record<string, unknown>): unknown {
  try {
    return evaluateFeelValue(expression, context).value;
  } catch (error) {
    if (error instanceof FeelError) throw new EvaluationFailure(decisionId, error.message);
    throw error;
  }
}

function matches(
  decisionId: string,
  entry: string,
  input: unknown,
  context: Record<string, unknown>,
): boolean {
  if (entry === '' || entry === '-') return true;
  try {
    return unaryTestFeel(entry, input, context).value === true;
  } catch (error) {
    if (error instanceof FeelError) throw new EvaluationFailure(decisionId, error.message);
    throw error;
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A rule's result: its single output's value, or a context of every output by name. */
function resultOf(table: DecisionTableLogic, rule: MatchedRule): unknown {
  if (table.outputs.length === 1) return rule.evaluatedOutputs[0]?.outputValue ?? null;
  return Object.fromEntries(rule.evaluatedOutputs.map((o) => [o.outputName, o.outputValue]));
}

/** PRIORITY / OUTPUT ORDER: per output, the index of the rule's value in its output values (unlisted last). */
function priorityOf(
  decisionId: string,
  table: DecisionTableLogic,
  context: Record<string, unknown>,
): (rule: MatchedRule) => number[] {
  const orders = table.outputs.map((o) =>
    o.outputValues === undefined
      ? undefined
      : (toZeebeJson(feelValue(decisionId, `[${o.outputValues}]`, context)) as unknown[]),
  );
  if (orders.every((o) => o === undefined))
    throw new EvaluationFailure(
      decisionId,
      `the hit policy '${table.hitPolicy}' needs output values to order by`,
    );
  return (rule) =>
    orders.map((order, i) => {
      if (!order) return 0;
      const at = order.findIndex((v) => same(v, rule.evaluatedOutputs[i]?.outputValue));
      return at < 0 ? order.length : at;
    });
}

function byPriority(priority: (rule: MatchedRule) => number[]): (a: MatchedRule, b: MatchedRule) => number {
  return (a, b) => {
    const pa = priority(a);
    const pb = priority(b);
    for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
    return a.ruleIndex - b.ruleIndex;
  };
}

function aggregate(decisionId: string, table: DecisionTableLogic, values: unknown[]): unknown {
  if (table.aggregation === 'COUNT') return values.length;
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return null;
  if (table.aggregation === 'SUM') {
    if (!present.every((v) => typeof v === 'number'))
      throw new EvaluationFailure(
        decisionId,
        `the aggregation 'SUM' needs numbers, but found ${JSON.stringify(present)}`,
      );
    return (present as number[]).reduce((sum, v) => sum + v, 0);
  }
  const comparable =
    present.every((v) => typeof v === 'number') || present.every((v) => typeof v === 'string');
  if (!comparable)
    throw new EvaluationFailure(
      decisionId,
      `the aggregation '${table.aggregation}' needs numbers or strings of one kind, but found ${JSON.stringify(present)}`,
    );
  const sorted = [...(present as Array<number | string>)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return table.aggregation === 'MIN' ? sorted[0] : sorted[sorted.length - 1];
}

function hitPolicyResult(
  decision: DecisionModel,
  table: DecisionTableLogic,
  matched: MatchedRule[],
  context: Record<string, unknown>,
): { output: unknown; hits: MatchedRule[] } {
  const id = decision.id;
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (matched.length > 1)
        throw new EvaluationFailure(
          id,
          `the hit policy 'UNIQUE' allows one matching rule, but ${matched.length} matched: ${matched.map((r) => `'${r.ruleId}'`).join(', ')}`,
        );
      return { output: matched[0] ? resultOf(table, matched[0]) : null, hits: matched };
    case 'FIRST':
      return { output: matched[0] ? resultOf(table, matched[0]) : null, hits: matched.slice(0, 1) };
    case 'ANY': {
      const results = matched.map((r) => resultOf(table, r));
      if (results.some((r) => !same(r, results[0])))
        throw new EvaluationFailure(
          id,
          `the hit policy 'ANY' needs the matching rules to agree, but they gave ${JSON.stringify(results)}`,
        );
      return { output: results[0] ?? null, hits: matched };
    }
    case 'PRIORITY': {
      if (matched.length === 0) return { output: null, hits: [] };
      const first = [...matched].sort(byPriority(priorityOf(id, table, context)))[0] as MatchedRule;
      return { output: resultOf(table, first), hits: [first] };
    }
    case 'OUTPUT ORDER': {
      if (matched.length === 0) return { output: [], hits: [] };
      const sorted = [...matched].sort(byPriority(priorityOf(id, table, context)));
      return { output: sorted.map((r) => resultOf(table, r)), hits: sorted };
    }
    case 'RULE ORDER':
      return { output: matched.map((r) => resultOf(table, r)), hits: matched };
    case 'COLLECT': {
      const results = matched.map((r) => resultOf(table, r));
      return { output: table.aggregation ? aggregate(id, table, results) : results, hits: matched };
    }
  }
}

function evaluateTable(
  decision: DecisionModel,
  table: DecisionTableLogic,
  context: Record<string, unknown>,
): EvaluatedDecision {
  const inputValues = table.inputs.map((input) => feelValue(decision.id, input.expression, context));
  const matched: MatchedRule[] = [];
  table.rules.forEach((rule: DecisionRule, i) => {
    const hit = rule.inputEntries.every((entry, column) =>
      matches(decision.id, entry, inputValues[column] ?? null, context),
    );
    if (!hit) return;
    matched.push({
      ruleId: rule.id,
      ruleIndex: i + 1,
      evaluatedOutputs: table.outputs.map((output, column) => {
        const entry = rule.outputEntries[column] ?? '';
        const value = entry === '' ? null : toZeebeJson(feelValue(decision.id, entry, context));
        return { outputId: output.id, outputName: output.name, outputValue: value ?? null };
      }),
    });
  });
  const { output, hits } = hitPolicyResult(decision, table, matched, context);
  return {
    decisionId: decision.id,
    decisionName: decision.name,
    decisionType: 'DECISION_TABLE',
    decisionOutput: output,
    matchedRules: hits,
    evaluatedInputs: table.inputs.map((input, i) => ({
      inputId: input.id,
      inputName: input.name,
      inputValue: toZeebeJson(inputValues[i]) ?? null,
    })),
  };
}

function evaluateOne(decision: DecisionModel, context: Record<string, unknown>): EvaluatedDecision {
  if (decision.logic.kind === 'decisionTable') return evaluateTable(decision, decision.logic, context);
  return {
    decisionId: decision.id,
    decisionName: decision.name,
    decisionType: 'LITERAL_EXPRESSION',
    decisionOutput: toZeebeJson(feelValue(decision.id, decision.logic.expression, context)) ?? null,
    matchedRules: [],
    evaluatedInputs: [],
  };
}

/** Evaluates `decisionId` of the DRG against the variables (plain JSON). */
export function evaluateDecision(
  drg: DecisionRequirementsModel,
  decisionId: string,
  variables: Record<string, unknown>,
): DecisionEvaluation {
  const byId = new Map(drg.decisions.map((d) => [d.id, d]));
  const evaluated: EvaluatedDecision[] = [];
  const results = new Map<string, unknown>();
  const run = (decision: DecisionModel): unknown => {
    if (results.has(decision.id)) return results.get(decision.id);
    const context: Record<string, unknown> = { ...variables };
    for (const requiredId of decision.requiredDecisions) {
      const required = byId.get(requiredId);
      if (!required)
        throw new EvaluationFailure(decision.id, `no required decision found with id '${requiredId}'`);
      context[required.resultName] = run(required);
    }
    const result = evaluateOne(decision, context);
    evaluated.push(result);
    results.set(decision.id, result.decisionOutput);
    return result.decisionOutput;
  };
  const decision = byId.get(decisionId);
  if (!decision) {
    return {
      output: null,
      evaluatedDecisions: [],
      failedDecisionId: decisionId,
      failureMessage: `Expected to evaluate decision '${decisionId}', but no decision found for id '${decisionId}'`,
    };
  }
  try {
    return { output: run(decision), evaluatedDecisions: evaluated };
  } catch (error) {
    if (!(error instanceof EvaluationFailure)) throw error;
    return {
      output: null,
      evaluatedDecisions: evaluated,
      failedDecisionId: error.decisionId,
      failureMessage: error.message,
    };
  }
}
