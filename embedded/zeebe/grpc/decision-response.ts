// EvaluateDecisionResponse from an evaluation: keys as strings, every value as its JSON text, as Zeebe sends them.
import type { DecisionResult } from '../engine/decisions';
import { DEFAULT_TENANT } from './values';

const json = (value: unknown): string => JSON.stringify(value ?? null);

export function evaluateDecisionResponse(result: DecisionResult): Record<string, unknown> {
  const { decision, definitions } = result;
  return {
    decisionKey: String(decision.key),
    decisionId: decision.decisionId,
    decisionName: decision.name,
    decisionVersion: decision.version,
    decisionRequirementsId: decision.decisionRequirementsId,
    decisionRequirementsKey: String(decision.decisionRequirementsKey),
    decisionOutput: result.failureMessage === undefined ? json(result.output) : '',
    evaluatedDecisions: result.evaluatedDecisions.map((d) => {
      const definition = definitions.get(d.decisionId);
      return {
        decisionKey: String(definition?.key ?? 0),
        decisionId: d.decisionId,
        decisionName: d.decisionName,
        decisionVersion: definition?.version ?? 0,
        decisionType: d.decisionType,
        decisionOutput: json(d.decisionOutput),
        matchedRules: d.matchedRules.map((r) => ({
          ruleId: r.ruleId,
          ruleIndex: r.ruleIndex,
          evaluatedOutputs: r.evaluatedOutputs.map((o) => ({ ...o, outputValue: json(o.outputValue) })),
        })),
        evaluatedInputs: d.evaluatedInputs.map((i) => ({ ...i, inputValue: json(i.inputValue) })),
        tenantId: DEFAULT_TENANT,
      };
    }),
    failedDecisionId: result.failedDecisionId ?? '',
    failureMessage: result.failureMessage ?? '',
    tenantId: DEFAULT_TENANT,
  };
}
