// The FEEL time budget. feelin has no step limit and the engine evaluates on the event loop it serves gRPC
// from, so `for i in 1..3000000 return i` would stall every client: an evaluation is stopped after the budget.
import vm from 'node:vm';

/** Wall-clock budget of one FEEL evaluation, in ms. */
export const FEEL_BUDGET_MS = 25;

/** Longest expression text the unguarded path takes (see `boundedByText`). */
const SIMPLE_MAX_LENGTH = 200;

/**
 * Names, paths, literals, comparisons, arithmetic, and/or, if-then-else: no call, filter, list, context, range,
 * iteration or function definition, so the work is bounded by the text and the data it reads. Most
 * expressions of real diagrams (`=decision = "approve"`, `=dossierCode`) are of this kind; they skip the
 * watchdog thread Node starts for every guarded run (~50 µs, more than the evaluation itself).
 */
const SIMPLE_TOKEN = /\s+|"(?:[^"\\]|\\.)*"|\d+(?:\.\d+)?|[\p{L}_][\p{L}\p{N}_]*|!=|<=|>=|[=<>+\-*/.]/uy;
const ITERATING_WORDS = new Set(['for', 'some', 'every', 'function', 'return', 'satisfies', 'in']);

export function boundedByText(body: string): boolean {
  if (body.length > SIMPLE_MAX_LENGTH || body.includes('..') || body.includes('**')) return false;
  SIMPLE_TOKEN.lastIndex = 0;
  while (SIMPLE_TOKEN.lastIndex < body.length) {
    const match = SIMPLE_TOKEN.exec(body);
    if (!match) return false;
    if (ITERATING_WORDS.has(match[0])) return false;
  }
  return true;
}

export class FeelBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`the evaluation took longer than ${budgetMs} ms, the engine's limit for one expression`);
  }
}

// vm's `timeout` interrupts whatever JavaScript runs inside runInContext, including feelin's own functions
// called from the sandbox: the watchdog terminates the isolate's execution, and Node turns it into an error.
const sandbox = vm.createContext({ run: (): unknown => undefined });
const callRun = new vm.Script('run()');

function isTimeout(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

function guarded<T>(evaluation: () => T, budgetMs: number): T {
  const previous = (sandbox as { run: () => unknown }).run;
  (sandbox as { run: () => unknown }).run = evaluation;
  try {
    return callRun.runInContext(sandbox, { timeout: budgetMs }) as T;
  } finally {
    (sandbox as { run: () => unknown }).run = previous;
  }
}

/**
 * Runs a FEEL evaluation within the budget, or throws FeelBudgetExceeded. The budget is wall-clock time, so a
 * run that times out is run once more before it counts: a loaded machine's scheduling or a first use of some
 * library code (a time zone's rules) does not turn a cheap expression into an incident. A loop costs twice.
 */
export function withinBudget<T>(body: string, evaluation: () => T, budgetMs = FEEL_BUDGET_MS): T {
  if (boundedByText(body)) return evaluation();
  for (let attempt = 0; ; attempt++) {
    try {
      return guarded(evaluation, budgetMs);
    } catch (error) {
      if (!isTimeout(error)) throw error;
      if (attempt > 0) throw new FeelBudgetExceeded(budgetMs);
    }
  }
}
