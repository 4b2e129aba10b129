// DMN parsing: the model the evaluator reads, the older namespaces Camunda Modeler writes, and deploy-time problems.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DmnParseError, parseDmn } from '../../../../embedded/zeebe/dmn/parse';
import { tableDmn } from './fixtures/dmn-table';

const DMN11 = 'http://www.omg.org/spec/DMN/20151101/dmn.xsd';
const DMN12 = 'http://www.omg.org/spec/DMN/20180521/MODEL/';

describe('parseDmn', () => {
  test('reads a DRG: decisions, inputs, outputs, rules, required decisions', async () => {
    const drg = await parseDmn(readFileSync(path.join(__dirname, 'fixtures', 'dish.dmn'), 'utf8'));
    expect(drg.id).toBe('dinnerDecisions');
    expect(drg.name).toBe('Dinner Decisions');
    expect(drg.decisions.map((d) => [d.id, d.requiredDecisions])).toEqual([
      ['dish', []],
      ['beverages', ['dish']],
    ]);
    const dish = drg.decisions[0]?.logic;
    if (dish?.kind !== 'decisionTable') throw new Error('expected a table');
    expect(dish.hitPolicy).toBe('UNIQUE');
    expect(dish.inputs[1]).toEqual({ id: 'guestCount', name: 'How many guests', expression: 'guestCount' });
    expect(dish.outputs).toEqual([{ id: 'dishOutput', name: 'dish', typeRef: 'string' }]);
    expect(dish.rules[3]).toEqual({
      id: 'dish4',
      inputEntries: ['"Spring"', '[5..8]'],
      outputEntries: ['"Steak"'],
    });
  });

  test.each([DMN11, DMN12])('reads the namespace %s as DMN 1.3', async (ns) => {
    const drg = await parseDmn(
      tableDmn({ namespace: ns, inputs: ['x'], outputs: ['o'], rules: [[['1'], ['2']]] }),
    );
    expect(drg.decisions[0]?.logic.kind).toBe('decisionTable');
  });

  test.each([
    ['broken XML', '<definitions', /^Failed to parse the DMN: /],
    [
      'a unary test that does not parse',
      tableDmn({ inputs: ['x'], outputs: ['o'], rules: [[['[1..'], ['2']]] }),
      /^decision 'd': rule 'r1': failed to parse unary tests '\[1\.\.'/,
    ],
    [
      'an output entry that does not parse',
      tableDmn({ inputs: ['x'], outputs: ['o'], rules: [[['1'], ['2 +* 3']]] }),
      /^decision 'd': rule 'r1': failed to parse expression '2 \+\* 3'/,
    ],
    [
      'an aggregation without COLLECT',
      tableDmn({ hitPolicy: 'FIRST', aggregation: 'SUM', inputs: ['x'], outputs: ['o'], rules: [] }),
      /^decision 'd': the aggregation 'SUM' is only allowed with the hit policy 'COLLECT'$/,
    ],
    [
      'an aggregation over several outputs',
      tableDmn({ hitPolicy: 'COLLECT', aggregation: 'SUM', inputs: ['x'], outputs: ['a', 'b'], rules: [] }),
      /^decision 'd': the aggregation 'SUM' is not defined for a table with several outputs$/,
    ],
    [
      'a rule with too few entries',
      tableDmn({ inputs: ['x', 'y'], outputs: ['o'], rules: [[['1'], ['2']]] }),
      /^decision 'd': rule 'r1' has 1 input entries for 2 inputs$/,
    ],
    [
      'a missing required decision',
      '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="x" name="x" namespace="n"><decision id="a">' +
        '<informationRequirement id="i"><requiredDecision href="#b" /></informationRequirement>' +
        '<literalExpression id="e"><text>1</text></literalExpression></decision></definitions>',
      /^decision 'a': the required decision 'b' is not in this DRG$/,
    ],
    [
      'a cycle of required decisions',
      '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="x" name="x" namespace="n">' +
        '<decision id="a"><informationRequirement id="i1"><requiredDecision href="#b" /></informationRequirement><literalExpression id="e1"><text>b</text></literalExpression></decision>' +
        '<decision id="b"><informationRequirement id="i2"><requiredDecision href="#a" /></informationRequirement><literalExpression id="e2"><text>a</text></literalExpression></decision></definitions>',
      /^the required decisions form a cycle: a -> b -> a$/,
    ],
    [
      'a decision without logic',
      '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="x" name="x" namespace="n"><decision id="a" /></definitions>',
      /^decision 'a': expected a decision table or a literal expression, but found none$/,
    ],
    [
      'no decision at all',
      '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="x" name="x" namespace="n" />',
      /^Expected the DRG to contain at least one decision, but none found$/,
    ],
  ])('rejects %s', async (_what, xml, message) => {
    const error = await parseDmn(xml).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DmnParseError);
    expect((error as Error).message).toMatch(message);
  });
});
