// FEEL adapter: Zeebe's `=` prefix, extra functions, result-type checks with Zeebe's messages, JSON conversion,
// every evaluation within the engine's time budget.
import * as feelin from 'feelin';
import { evaluate, parseUnaryTests, unaryTest, type Warning } from 'feelin';
import { FeelBudgetExceeded, withinBudget } from './budget';
import { extraFunctions } from './functions';
import { toZeebeJson } from './serialize';

export { toZeebeJson } from './serialize';
export {
  FEEL_BUDGET_MS,
  FEEL_COMMAND_BUDGET_MS,
  beginFeelCommand,
  endFeelCommand,
  inFeelScope,
  setFeelRecovering,
  type FeelOverrun,
} from './budget';

export type FeelType = 'STRING' | 'NUMBER' | 'BOOLEAN' | 'ARRAY' | 'OBJECT' | 'ANY';

export class FeelError extends Error {}

export function isExpression(text: string | undefined): boolean {
  return typeof text === 'string' && text.trimStart().startsWith('=');
}

function stripPrefix(text: string): string {
  return text.trimStart().replace(/^=/, '');
}

/** Built once per clock: they are the same for every evaluation. */
let functions = extraFunctions(() => Date.now());

/** The engine clock drives `now()` and `today()`. */
export function setFeelClock(nowMs: () => number): void {
  functions = extraFunctions(nowMs);
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'number') return 'NUMBER';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (Array.isArray(value)) return 'ARRAY';
  return 'OBJECT';
}

function warningText(warnings: Warning[]): string {
  if (warnings.length === 0) return '';
  const lines = warnings.map((w) => `[${w.type}] ${w.message}`);
  return ` The evaluation reported the following warnings:\n${lines.join('\n')}`;
}

export interface FeelResult {
  value: unknown;
  warnings: Warning[];
}

function failureText(body: string, error: unknown): string {
  if (error instanceof FeelBudgetExceeded) return `failed to evaluate expression '${body}': ${error.message}`;
  return `failed to parse expression '${body}': ${(error as Error).message}`;
}

/** Evaluates an expression text (with or without `=`) against plain JSON variables. */
export function evaluateFeel(expression: string, variables: Record<string, unknown>): FeelResult {
  const body = stripPrefix(expression);
  const context = { ...functions, ...variables };
  try {
    const result = withinBudget(body, () => evaluate(body, context));
    return { value: toZeebeJson(result.value), warnings: result.warnings };
  } catch (error) {
    throw new FeelError(failureText(body, error));
  }
}

/**
 * A DMN cell's expression, evaluated without Zeebe's `=` prefix; the value stays feelin's (temporals, ranges), so a
 * decision's inputs compare as FEEL values. Convert with `toZeebeJson` where a result leaves the decision.
 */
export function evaluateFeelValue(body: string, variables: Record<string, unknown>): FeelResult {
  try {
    return withinBudget(body, () => evaluate(body, { ...functions, ...variables }));
  } catch (error) {
    throw new FeelError(failureText(body, error));
  }
}

/** A decision table's input entry: feelin's unary-test mode, the input value bound to `?`. */
export function unaryTestFeel(
  tests: string,
  inputValue: unknown,
  variables: Record<string, unknown>,
): FeelResult {
  try {
    return withinBudget(tests, () => unaryTest(tests, { ...functions, ...variables, '?': inputValue }));
  } catch (error) {
    throw new FeelError(failureText(tests, error));
  }
}

// feelin's first evaluations pay for its parser's and Temporal's set-up (~60 ms): paid here, at load, not by the
// first expression the budget guards.
for (const warmUp of [
  'date and time("2024-01-01T10:00:00@Asia/Ho_Chi_Minh") + duration("P1DT2H") > now()',
  'for x in [1, 2] return string(x) + upper case("a")',
  'date("2024-01-01") - today() < duration("P1D") and time("10:00:00") != null',
])
  evaluate(warmUp, functions);

// feelin exports its parser entry point, though not in its types.
const { parseExpression } = feelin as unknown as {
  parseExpression(
    text: string,
    context: object,
  ): { iterate(spec: { enter(node: { type: { isError: boolean }; from: number }): void }): void };
};

function syntaxError(body: string): string | null {
  let at = -1;
  parseExpression(body, functions).iterate({
    enter(node) {
      if (node.type.isError && at < 0) at = node.from;
    },
  });
  return at < 0 ? null : `failed to parse expression '${body}': Unrecognized token at position ${at}`;
}

/** The deploy check of a decision table's input entry: its unary tests parse. Returns the problem's text or null. */
export function unaryTestsParseError(tests: string): string | null {
  let at = -1;
  parseUnaryTests(tests, functions, undefined).iterate({
    enter(node) {
      if (node.type.isError && at < 0) at = node.from;
    },
  });
  return at < 0 ? null : `failed to parse unary tests '${tests}': Unrecognized token at position ${at}`;
}

/**
 * The deploy check: the expression parses, and evaluated without variables it ends within the budget (one that
 * loops on constants would loop in every instance). Once the process's check has used its budget (a very
 * large diagram), the rest are only parsed. Returns the problem's text or null.
 */
export function parseError(expression: string): string | null {
  const body = stripPrefix(expression);
  try {
    withinBudget(body, () => evaluate(body, functions));
    return null;
  } catch (error) {
    if (error instanceof FeelBudgetExceeded && error.limit === 'command') return syntaxError(body);
    return failureText(body, error);
  }
}

/**
 * Evaluates an attribute that may be static or an expression, and checks the result type the way Zeebe does:
 * "Expected result of the expression 'x' to be 'STRING', but was 'NULL'." plus the FEEL warnings.
 */
export function evaluateTyped(
  attribute: string,
  expected: FeelType,
  variables: Record<string, unknown>,
): unknown {
  if (!isExpression(attribute)) {
    if (expected === 'NUMBER') {
      const n = Number(attribute);
      if (!Number.isNaN(n)) return n;
    }
    return attribute;
  }
  const body = stripPrefix(attribute);
  const { value, warnings } = evaluateFeel(attribute, variables);
  const actual = typeName(value);
  if (expected !== 'ANY' && actual !== expected) {
    throw new FeelError(
      `Expected result of the expression '${body.trim()}' to be '${expected}', but was '${actual}'.${warningText(warnings)}`,
    );
  }
  return value;
}
