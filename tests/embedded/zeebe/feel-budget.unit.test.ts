// The FEEL budget on its own: which expressions skip the guard, a loop stopped in about the budget, a command's
// budget across its evaluations, and replay taking the outcomes from the record.
import {
  FEEL_BUDGET_MS,
  FEEL_COMMAND_BUDGET_MS,
  beginFeelCommand,
  endFeelCommand,
  evaluateFeel,
  inFeelScope,
  parseError,
  setFeelRecovering,
} from '../../../embedded/zeebe/feel';
import { boundedByText } from '../../../embedded/zeebe/feel/budget';

afterEach(() => {
  endFeelCommand();
  setFeelRecovering(false);
});

test('names, literals, comparisons, arithmetic and bounded calls skip the guard; what can iterate does not', () => {
  for (const simple of [
    'decision = "approve"',
    'dossierCode',
    'accepted = true',
    'a.b + 1 > 2 and not_x != null',
  ])
    expect(boundedByText(simple)).toBe(true);
  for (const guarded of [
    'for i in 1..3 return i',
    'some x in xs satisfies x > 1',
    'every x in xs satisfies x',
    'matches(x, "(a+)+$")',
    'a and string join(xs, ",")',
    'sort(xs, f)',
    'distinct values(xs)',
    'xs[item > 1]',
    '[1, 2]',
    '{a: 1}',
    '1..3',
    '2 ** 3',
    'function(a) a',
    'x in xs',
    `a${' + a'.repeat(60)}`,
  ])
    expect(boundedByText(guarded)).toBe(false);
});

test('a loop is stopped in about the budget, with a message naming it', () => {
  const started = performance.now();
  expect(() => evaluateFeel('=count(for i in 1..n return i)', { n: 5_000_000 })).toThrow(
    `failed to evaluate expression 'count(for i in 1..n return i)': the evaluation took longer than ${FEEL_BUDGET_MS} ms, the engine's limit for one expression`,
  );
  // At most MAX_TRIES tries on a starved machine; far from the seconds the loop would take.
  expect(performance.now() - started).toBeLessThan(1000);
});

test("a command's evaluations share one budget; one that starts after it is spent is stopped at once", () => {
  beginFeelCommand();
  const slow = () => evaluateFeel('=count(for i in 1..n return i)', { n: 5_000_000 });
  // Each slow one uses about FEEL_BUDGET_MS of CPU (less on a starved machine): a few spend the command's.
  let message = '';
  for (let i = 0; i < 20 && !message.includes('same step'); i++) {
    try {
      slow();
    } catch (error) {
      message = (error as Error).message;
    }
  }
  expect(message).toContain(
    `the expressions evaluated before it in the same step took ${FEEL_COMMAND_BUDGET_MS} ms, the engine's limit`,
  );
  expect(() => evaluateFeel('=count([1, 2])', {})).toThrow(/same step/);
  const overruns = endFeelCommand();
  expect(overruns.at(-1)).toEqual([overruns.length - 1, 'command']);
  expect(overruns[0]).toEqual([0, 'expression']);
  // The next command starts afresh.
  beginFeelCommand();
  expect(evaluateFeel('=count([1, 2])', {}).value).toBe(2);
});

test('replaying, the recorded overruns are stopped without running and the rest run to their end', () => {
  setFeelRecovering(true);
  beginFeelCommand([[1, 'expression']]);
  expect(evaluateFeel('=count(for i in 1..n return i)', { n: 100 }).value).toBe(100);
  const started = performance.now();
  expect(() => evaluateFeel('=count(for i in 1..n return i)', { n: 50_000_000 })).toThrow(
    /limit for one expression/,
  );
  // Run, the loop would take tens of seconds.
  expect(performance.now() - started).toBeLessThan(1000);
  expect(endFeelCommand()).toEqual([]);
});

test("a process's deploy check has one budget; past it expressions are only parsed", () => {
  const loop = '=count(for i in 1..3000000 return i)';
  const results = inFeelScope(() => {
    const found: (string | null)[] = [];
    // Loops until the scope's budget is spent (a loaded machine gives each try less CPU), then two more.
    for (let i = 0; i < 20 && !found.includes(null); i++) found.push(parseError(loop));
    return { loops: found, bad: parseError('=`so ho so`'), good: parseError('=count([1, 2]) > 1') };
  });
  expect(results.loops.slice(0, -1).every((p) => p?.includes('limit for one expression'))).toBe(true);
  expect(results.loops.at(-1)).toBeNull();
  expect(results.bad).toBe("failed to parse expression '`so ho so`': Unrecognized token at position 0");
  expect(results.good).toBeNull();
});
