// The FEEL adapter: `=` prefix, Zeebe's result-type messages, extra functions, Java-style temporal output.
import { evaluateFeel, evaluateTyped, isExpression, setFeelClock } from '../../../embedded/zeebe/feel';

test('the = prefix marks an expression and is split off before evaluation', () => {
  expect(isExpression('= amount')).toBe(true);
  expect(isExpression('amount')).toBe(false);
  expect(evaluateFeel('= amount + 1', { amount: 2 }).value).toBe(3);
});

test('static values are taken as they are; numbers are parsed where a number is expected', () => {
  expect(evaluateTyped('task-a', 'STRING', {})).toBe('task-a');
  expect(evaluateTyped('5', 'NUMBER', {})).toBe(5);
});

test("a wrong result type fails with Zeebe's message and the FEEL warnings", () => {
  expect(() => evaluateTyped('=missing', 'STRING', {})).toThrow(
    "Expected result of the expression 'missing' to be 'STRING', but was 'NULL'. The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] Variable 'missing' not found",
  );
  expect(() => evaluateTyped('=amount > 100', 'BOOLEAN', {})).toThrow("to be 'BOOLEAN', but was 'NULL'.");
  expect(evaluateTyped('=amount > 100', 'BOOLEAN', { amount: 150 })).toBe(true);
});

test('Camunda extra functions are available', () => {
  expect(evaluateFeel('=get or else(x, "d")', {}).value).toBe('d');
  expect(evaluateFeel('=is defined(x)', { x: 1 }).value).toBe(true);
  expect(evaluateFeel('=trim("  a ")', {}).value).toBe('a');
  expect(evaluateFeel('=is blank(" ")', {}).value).toBe(true);
  expect(evaluateFeel('=partition([1,2,3], 2)', {}).value).toEqual([[1, 2], [3]]);
  expect(evaluateFeel('=duplicate values([1,2,1])', {}).value).toEqual([1]);
  expect(evaluateFeel('=cycle(duration("PT1H"))', {}).value).toBe('R/PT1H');
  expect(evaluateFeel('=from base64(to base64("xin chào"))', {}).value).toBe('xin chào');
});

test('temporals are stored like Java toString(): zero seconds dropped, day durations in hours', () => {
  expect(evaluateFeel('=date and time("2024-01-01T10:00:00Z") + duration("P3D")', {}).value).toBe(
    '2024-01-04T10:00Z',
  );
  expect(evaluateFeel('=date and time("2024-01-04T10:00:00+07:00")', {}).value).toBe(
    '2024-01-04T10:00+07:00',
  );
  expect(evaluateFeel('=duration("P3D")', {}).value).toBe('PT72H');
  expect(evaluateFeel('=duration("P1Y2M")', {}).value).toBe('P1Y2M');
  expect(evaluateFeel('=date("2024-01-04")', {}).value).toBe('2024-01-04');
});

test('now() follows the engine clock', () => {
  setFeelClock(() => Date.parse('2030-05-06T07:08:09Z'));
  try {
    expect(evaluateFeel('=now()', {}).value).toBe('2030-05-06T07:08:09Z');
    expect(evaluateFeel('=today()', {}).value).toBe('2030-05-06');
  } finally {
    setFeelClock(() => Date.now());
  }
});

test('decimal arithmetic reads like BigDecimal for amounts', () => {
  expect(evaluateFeel('=0.1 + 0.2', {}).value).toBe(0.3);
  expect(evaluateFeel('=fee * 3', { fee: 1.1 }).value).toBe(3.3);
});
