// The FEEL time budget. feelin has no step limit and the engine evaluates on the event loop it serves gRPC
// from, so `for i in 1..3000000 return i` would stall every client: evaluations are stopped past a budget per
// expression and per command, and which ones were stopped is kept in the command's log record, so replay
// reaches the same state whatever the machine's speed.
import { openSync, readSync } from 'node:fs';
import vm from 'node:vm';

/** Wall-clock budget of one FEEL evaluation, in ms. */
export const FEEL_BUDGET_MS = 25;
/**
 * Budget of the guarded evaluations of one command, or of one process's check at deploy, in ms: none starts
 * once they have taken this long (so a command spends at most this plus one evaluation's two tries).
 */
export const FEEL_COMMAND_BUDGET_MS = 50;

/** Longest expression text the unguarded path takes (see `boundedByText`). */
const SIMPLE_MAX_LENGTH = 200;

/**
 * Functions whose work is bounded by their arguments' size: no regular expression, no user function, no list
 * built from a number, nothing quadratic.
 */
const BOUNDED_FUNCTIONS = new Set([
  ...['count', 'sum', 'min', 'max', 'mean', 'abs', 'floor', 'ceiling', 'decimal', 'modulo', 'odd', 'even'],
  ...['round up', 'round down', 'round half up', 'round half down', 'string', 'number', 'not'],
  ...['date', 'time', 'date and time', 'duration', 'years and months duration', 'now', 'today'],
  ...['day of week', 'day of year', 'month of year', 'week of year'],
  ...['upper case', 'lower case', 'string length', 'substring', 'substring before', 'substring after'],
  ...['contains', 'starts with', 'ends with', 'list contains', 'get value'],
  ...['is defined', 'get or else', 'is empty', 'is blank', 'trim'],
]);

/**
 * Names, paths, literals, comparisons, arithmetic, and/or, if-then-else, calls of BOUNDED_FUNCTIONS: no filter,
 * list, context, range, iteration, function definition or other call, so the work is bounded by the text and
 * the data it reads. Most expressions of real diagrams (`=decision = "approve"`, `=is defined(dueAt)`) are of
 * this kind; they skip the watchdog thread Node starts for every guarded run (~50 µs, more than many
 * evaluations themselves). The run of words before `(` must end in a bounded function's name (`a and is
 * defined(x)`): only built-in and Camunda functions are functions there, process variables are JSON data.
 */
const SIMPLE_TOKEN = /\s+|"(?:[^"\\]|\\.)*"|\d+(?:\.\d+)?|[\p{L}_][\p{L}\p{N}_]*|!=|<=|>=|[=<>+\-*/.(),]/uy;
const WORD = /^[\p{L}_]/u;
const ITERATING_WORDS = new Set(['for', 'some', 'every', 'function', 'return', 'satisfies', 'in']);

function callsBoundedFunction(words: string[]): boolean {
  for (let start = 0; start < words.length; start++) {
    if (BOUNDED_FUNCTIONS.has(words.slice(start).join(' '))) return true;
  }
  return false;
}

export function boundedByText(body: string): boolean {
  if (body.length > SIMPLE_MAX_LENGTH || body.includes('..') || body.includes('**')) return false;
  const words: string[] = [];
  SIMPLE_TOKEN.lastIndex = 0;
  while (SIMPLE_TOKEN.lastIndex < body.length) {
    const token = SIMPLE_TOKEN.exec(body)?.[0];
    if (token === undefined || ITERATING_WORDS.has(token)) return false;
    if (WORD.test(token)) words.push(token);
    else if (token === '(') {
      if (words.length > 0 && !callsBoundedFunction(words)) return false;
      words.length = 0;
    } else if (token.trim() !== '') words.length = 0;
  }
  return true;
}

export type FeelLimit = 'expression' | 'command';
/** A stopped evaluation: its place among the command's evaluations, and which budget stopped it. */
export type FeelOverrun = [ordinal: number, limit: FeelLimit];

export class FeelBudgetExceeded extends Error {
  constructor(readonly limit: FeelLimit) {
    super(
      limit === 'expression'
        ? `the evaluation took longer than ${FEEL_BUDGET_MS} ms, the engine's limit for one expression`
        : `the expressions evaluated before it in the same step took ${FEEL_COMMAND_BUDGET_MS} ms, the engine's limit`,
    );
  }
}

interface Scope {
  /** Outside a command (a test, a tool) evaluations have no command budget. */
  commandBudget: boolean;
  ordinal: number;
  spentMs: number;
  overruns: FeelOverrun[];
  /** While recovering: the overruns the log recorded; every other evaluation ran to its end the first time. */
  replay?: Map<number, FeelLimit>;
}

let recovering = false;
const freshScope = (commandBudget: boolean, recorded: FeelOverrun[] = []): Scope => ({
  commandBudget,
  ordinal: 0,
  spentMs: 0,
  overruns: [],
  ...(recovering ? { replay: new Map(recorded) } : {}),
});
let scope = freshScope(false);

/** Recovery replays the log: outcomes come from the records, not from the clock. */
export function setFeelRecovering(on: boolean): void {
  recovering = on;
  scope = freshScope(false);
}

/** Opens a command's budget; replaying, with the overruns its record kept. */
export function beginFeelCommand(recorded?: FeelOverrun[]): void {
  scope = freshScope(true, recorded);
}

/** Closes the command's budget: the evaluations it stopped, for the command's log record. */
export function endFeelCommand(): FeelOverrun[] {
  const { overruns } = scope;
  scope = freshScope(false);
  return overruns;
}

/** Runs `fn` (synchronous) with a budget of its own, e.g. one process's deploy check. */
export function inFeelScope<T>(fn: () => T): T {
  const outer = scope;
  scope = freshScope(true);
  try {
    return fn();
  } finally {
    scope = outer;
  }
}

// vm's `timeout` interrupts whatever JavaScript runs inside runInContext, including feelin's own functions
// called from the sandbox: the watchdog terminates the isolate's execution, and Node turns it into an error.
const sandbox = vm.createContext({ run: (): unknown => undefined });
const callRun = new vm.Script('run()');

function isTimeout(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

function guarded<T>(evaluation: () => T, timeoutMs: number): T {
  const previous = (sandbox as { run: () => unknown }).run;
  (sandbox as { run: () => unknown }).run = evaluation;
  try {
    return callRun.runInContext(sandbox, { timeout: timeoutMs }) as T;
  } finally {
    (sandbox as { run: () => unknown }).run = previous;
  }
}

/**
 * CPU time of the evaluating thread, in ms: Linux's schedstat (ns, ~1 µs to read) where there is one. Node 20
 * has no per-thread figure; the process's, the fallback, also counts the GC's threads.
 */
const threadCpuMs: () => number = (() => {
  const processCpuMs = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  try {
    const fd = openSync('/proc/thread-self/schedstat', 'r');
    const buffer = Buffer.alloc(64);
    const read = () =>
      Number(buffer.toString('latin1', 0, readSync(fd, buffer, 0, 64, 0)).split(' ')[0]) / 1e6;
    return Number.isFinite(read()) ? read : processCpuMs;
  } catch {
    return processCpuMs;
  }
})();

/** Timed-out tries of one evaluation before it counts as over budget however little CPU it got. */
const MAX_TRIES = 8;

/**
 * Runs a FEEL evaluation within the budgets, or throws FeelBudgetExceeded. The watchdog stops a try after
 * FEEL_BUDGET_MS of wall-clock time; it counts as over budget once its tries have used most of that in CPU. A
 * try that timed out having had little of this thread's CPU (a loaded machine) is run again, up to MAX_TRIES,
 * so scheduling alone does not turn a cheap expression into an incident.
 * The command's budget is counted in the same CPU time.
 */
export function withinBudget<T>(body: string, evaluation: () => T): T {
  const current = scope;
  const ordinal = current.ordinal++;
  if (current.replay) {
    const limit = current.replay.get(ordinal);
    if (limit) throw new FeelBudgetExceeded(limit);
    return evaluation();
  }
  if (boundedByText(body)) return evaluation();
  const stop = (limit: FeelLimit) => {
    current.overruns.push([ordinal, limit]);
    return new FeelBudgetExceeded(limit);
  };
  if (current.commandBudget && current.spentMs >= FEEL_COMMAND_BUDGET_MS) throw stop('command');
  let usedMs = 0;
  for (let tries = 1; ; tries++) {
    const cpuStart = threadCpuMs();
    try {
      return guarded(evaluation, FEEL_BUDGET_MS);
    } catch (error) {
      if (!isTimeout(error)) throw error;
      usedMs += threadCpuMs() - cpuStart;
      if (usedMs >= FEEL_BUDGET_MS * 0.8 || tries >= MAX_TRIES) throw stop('expression');
    } finally {
      current.spentMs += threadCpuMs() - cpuStart;
    }
  }
}
