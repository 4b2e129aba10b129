// How our process models route an officer's decision (CONTRACT.md, `decision`): the flows leaving the exclusive
// gateway right after a user task carry conditions such as `=decision = "approve"`. The server reads them to
// refuse a decision no flow takes, the officer's screens to offer the ones that are routed.

/** The order the officer's screens offer decisions in, whatever the model's flow order. */
export const USUAL_DECISION_ORDER = ['approve', 'supplement', 'refuse', 'return'] as const;

const decisionCondition = /\bdecision\s*=\s*"([a-z_-]+)"/;

/** The decision a sequence flow's condition routes, if it routes one (`&quot;` as read from raw XML text). */
export function decisionOfCondition(condition: string): string | undefined {
  return decisionCondition.exec(condition.replace(/&quot;/g, '"'))?.[1];
}

const rank = (decision: string) =>
  (USUAL_DECISION_ORDER.indexOf(decision as never) + USUAL_DECISION_ORDER.length + 1) %
  (USUAL_DECISION_ORDER.length + 1);

/** Sorts decisions in the usual order, others after them alphabetically. */
export function byUsualDecisionOrder(a: string, b: string): number {
  return rank(a) - rank(b) || a.localeCompare(b);
}
