// Decision evaluation as Zeebe's DMN engine does it: each hit policy, literal expressions, a DRG, no match, failures.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateDecision } from '../../../../embedded/zeebe/dmn/evaluate';
import { parseDmn } from '../../../../embedded/zeebe/dmn/parse';
import { tableDmn, type TableSpec } from './fixtures/dmn-table';

async function run(spec: TableSpec, variables: Record<string, unknown>) {
  return evaluateDecision(await parseDmn(tableDmn(spec)), 'd', variables);
}

const feeByCategory: TableSpec = {
  inputs: ['category'],
  outputs: ['fee'],
  rules: [
    [['"poor"'], ['0']],
    [['"veteran"'], ['0']],
    [['"poor","child"'], ['10000']],
    [['-'], ['50000']],
  ],
};

describe('decision table hit policies', () => {
  test('UNIQUE: the one matching rule gives the value, no match gives null', async () => {
    const spec: TableSpec = { ...feeByCategory, rules: feeByCategory.rules.slice(1, 3) };
    const hit = await run(spec, { category: 'child' });
    expect(hit.output).toBe(10000);
    expect(hit.evaluatedDecisions[0]?.matchedRules).toEqual([
      {
        ruleId: 'r2',
        ruleIndex: 2,
        evaluatedOutputs: [{ outputId: 'out1', outputName: 'fee', outputValue: 10000 }],
      },
    ]);
    expect(hit.evaluatedDecisions[0]?.evaluatedInputs).toEqual([
      { inputId: 'in1', inputName: 'category', inputValue: 'child' },
    ]);
    const none = await run(spec, { category: 'other' });
    expect(none.output).toBeNull();
    expect(none.failureMessage).toBeUndefined();
  });

  test('UNIQUE: two matching rules fail the evaluation, naming them', async () => {
    const result = await run(feeByCategory, { category: 'poor' });
    expect(result.output).toBeNull();
    expect(result.failedDecisionId).toBe('d');
    expect(result.failureMessage).toBe(
      "Expected to evaluate decision 'd', but the hit policy 'UNIQUE' allows one matching rule, but 3 matched: 'r1', 'r3', 'r4'",
    );
  });

  test('FIRST: the first matching rule in rule order', async () => {
    expect((await run({ ...feeByCategory, hitPolicy: 'FIRST' }, { category: 'child' })).output).toBe(10000);
    expect(
      (await run({ ...feeByCategory, hitPolicy: 'FIRST', rules: [] }, { category: 'x' })).output,
    ).toBeNull();
  });

  test('ANY: matching rules that agree give their value; disagreeing ones fail', async () => {
    const spec: TableSpec = { ...feeByCategory, hitPolicy: 'ANY', rules: feeByCategory.rules.slice(0, 2) };
    spec.rules.push([['"poor","veteran"'], ['0']]);
    expect((await run(spec, { category: 'veteran' })).output).toBe(0);
    expect((await run(spec, { category: 'other' })).output).toBeNull();
    const failing = await run({ ...feeByCategory, hitPolicy: 'ANY' }, { category: 'poor' });
    expect(failing.failureMessage).toBe(
      "Expected to evaluate decision 'd', but the hit policy 'ANY' needs the matching rules to agree, but they gave [0,10000,50000]",
    );
  });

  test('PRIORITY: the matching rule whose output comes first in the output values', async () => {
    const spec: TableSpec = {
      hitPolicy: 'PRIORITY',
      inputs: ['amount'],
      outputs: [{ name: 'level', values: '"high","medium","low"' }],
      rules: [
        [['> 0'], ['"low"']],
        [['> 1000'], ['"high"']],
        [['> 100'], ['"medium"']],
      ],
    };
    expect((await run(spec, { amount: 500 })).output).toBe('medium');
    expect((await run(spec, { amount: 5000 })).output).toBe('high');
    expect((await run(spec, { amount: -1 })).output).toBeNull();
  });

  test('OUTPUT ORDER: every match, ordered by the output values; no match gives []', async () => {
    const spec: TableSpec = {
      hitPolicy: 'OUTPUT ORDER',
      inputs: ['amount'],
      outputs: [{ name: 'level', values: '"high","medium","low"' }],
      rules: [
        [['> 0'], ['"low"']],
        [['> 1000'], ['"high"']],
        [['> 100'], ['"medium"']],
      ],
    };
    expect((await run(spec, { amount: 5000 })).output).toEqual(['high', 'medium', 'low']);
    expect((await run(spec, { amount: -1 })).output).toEqual([]);
  });

  test('RULE ORDER: every match in rule order; several outputs give contexts', async () => {
    const spec: TableSpec = {
      hitPolicy: 'RULE ORDER',
      inputs: ['age'],
      outputs: ['reason', 'discount'],
      rules: [
        [['>= 60'], ['"senior"', '0.5']],
        [['< 16'], ['"child"', '1']],
        [['>= 70'], ['"elder"', '']],
      ],
    };
    expect((await run(spec, { age: 75 })).output).toEqual([
      { reason: 'senior', discount: 0.5 },
      { reason: 'elder', discount: null },
    ]);
    expect((await run(spec, { age: 30 })).output).toEqual([]);
  });

  test('COLLECT: a list of the matches, [] without one', async () => {
    const spec: TableSpec = { ...feeByCategory, hitPolicy: 'COLLECT' };
    expect((await run(spec, { category: 'poor' })).output).toEqual([0, 10000, 50000]);
    expect((await run({ ...spec, rules: [] }, { category: 'poor' })).output).toEqual([]);
  });

  test.each([
    ['SUM', 60000, null],
    ['MIN', 0, null],
    ['MAX', 50000, null],
    ['COUNT', 3, 0],
  ])('COLLECT with %s aggregates the matches (%p), none gives %p', async (aggregation, value, empty) => {
    const spec: TableSpec = { ...feeByCategory, hitPolicy: 'COLLECT', aggregation };
    expect((await run(spec, { category: 'poor' })).output).toBe(value);
    expect((await run({ ...spec, rules: [] }, { category: 'poor' })).output).toBe(empty);
  });

  test('COLLECT with SUM over text fails with a clear message', async () => {
    const spec: TableSpec = {
      inputs: ['x'],
      outputs: ['o'],
      hitPolicy: 'COLLECT',
      aggregation: 'SUM',
      rules: [[['-'], ['"a"']]],
    };
    expect((await run(spec, { x: 1 })).failureMessage).toBe(
      `Expected to evaluate decision 'd', but the aggregation 'SUM' needs numbers, but found ["a"]`,
    );
  });
});

describe('cells in FEEL', () => {
  test('input expressions and output entries read the variables; unary tests compare with ?', async () => {
    const spec: TableSpec = {
      inputs: ['applicant.age + 1', 'date(submittedOn)'],
      outputs: ['result'],
      rules: [[['[18..65]', '< date("2025-01-01")'], ['applicant.name + " pays " + string(fee * 2)']]],
    };
    const result = await run(spec, { applicant: { age: 20, name: 'An' }, submittedOn: '2024-05-01', fee: 5 });
    expect(result.output).toBe('An pays 10');
    expect(result.evaluatedDecisions[0]?.evaluatedInputs[1]?.inputValue).toBe('2024-05-01');
  });

  test('a missing variable is null, as Zeebe 8.3 evaluates it', async () => {
    const spec: TableSpec = { inputs: ['missing'], outputs: ['o'], rules: [[['null'], ['"none"']]] };
    expect((await run(spec, {})).output).toBe('none');
  });
});

describe('literal expressions and DRGs', () => {
  const drgXml = readFileSync(path.join(__dirname, 'fixtures', 'dish.dmn'), 'utf8');

  test('a literal expression decision gives its value', async () => {
    const xml =
      '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="lit" name="Lit" namespace="x">' +
      '<decision id="total" name="Total"><variable id="v" name="total" /><literalExpression id="e"><text>sum(fees) * 2</text></literalExpression></decision></definitions>';
    const result = evaluateDecision(await parseDmn(xml), 'total', { fees: [1, 2, 3] });
    expect(result.output).toBe(12);
    expect(result.evaluatedDecisions).toEqual([
      {
        decisionId: 'total',
        decisionName: 'Total',
        decisionType: 'LITERAL_EXPRESSION',
        decisionOutput: 12,
        matchedRules: [],
        evaluatedInputs: [],
      },
    ]);
  });

  test("Camunda's dish example: the required decision first, its result in the context by id", async () => {
    const drg = await parseDmn(drgXml);
    const result = evaluateDecision(drg, 'beverages', {
      season: 'Fall',
      guestCount: 4,
      guestsWithChildren: true,
    });
    expect(result.evaluatedDecisions.map((d) => [d.decisionId, d.decisionOutput])).toEqual([
      ['dish', 'Spareribs'],
      ['beverages', ['Aecht Schlenkerla Rauchbier', 'Apple Juice', 'Water']],
    ]);
    expect(result.output).toEqual(['Aecht Schlenkerla Rauchbier', 'Apple Juice', 'Water']);
    expect(evaluateDecision(drg, 'dish', { season: 'Spring', guestCount: 6 }).output).toBe('Steak');
  });

  test('a failing required decision fails the evaluation and names the decision', async () => {
    const xml =
      '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="x" name="x" namespace="n">' +
      '<decision id="category" name="Category"><decisionTable id="t"><input id="i"><inputExpression id="ie"><text>age</text></inputExpression></input>' +
      '<output id="o" name="category" /><rule id="young"><inputEntry id="a"><text>&lt; 30</text></inputEntry><outputEntry id="b"><text>"young"</text></outputEntry></rule>' +
      '<rule id="minor"><inputEntry id="c"><text>&lt; 18</text></inputEntry><outputEntry id="d"><text>"minor"</text></outputEntry></rule></decisionTable></decision>' +
      '<decision id="fee" name="Fee"><informationRequirement id="r"><requiredDecision href="#category" /></informationRequirement>' +
      '<literalExpression id="e"><text>if category = "minor" then 0 else 10</text></literalExpression></decision></definitions>';
    const drg = await parseDmn(xml);
    expect(evaluateDecision(drg, 'fee', { age: 25 }).output).toBe(10);
    const result = evaluateDecision(drg, 'fee', { age: 10 });
    expect(result.failedDecisionId).toBe('category');
    expect(result.output).toBeNull();
    expect(result.evaluatedDecisions).toEqual([]);
    expect(result.failureMessage).toBe(
      "Expected to evaluate decision 'category', but the hit policy 'UNIQUE' allows one matching rule, but 2 matched: 'young', 'minor'",
    );
  });

  test('an unknown decision id is a failure', async () => {
    const result = evaluateDecision(await parseDmn(drgXml), 'nope', {});
    expect(result.failureMessage).toBe(
      "Expected to evaluate decision 'nope', but no decision found for id 'nope'",
    );
  });
});
