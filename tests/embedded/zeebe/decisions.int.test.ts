// DMN on the engine through zeebe-node: DeployResource with Zeebe's answer shape and rejections, EvaluateDecision
// by id (latest version) and by key, each hit policy, failures in the response, and decisions kept across a restart.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bpmn, chain, end, errorOf, start, startHarness, useHarness, type Harness } from './support';
import { tableDmn, type TableSpec } from './dmn/fixtures/dmn-table';

const h = useHarness();

const DISH = readFileSync(path.join(__dirname, 'dmn', 'fixtures', 'dish.dmn'), 'utf8');

interface RawGrpc {
  deployResourceSync(req: unknown): Promise<{ deployments: Array<Record<string, Record<string, unknown>>> }>;
}
const grpcOf = (harness: Harness) => (harness.zbc as unknown as { grpc: RawGrpc }).grpc;

function deployRaw(harness: Harness, resources: Array<{ name: string; content: string }>) {
  return grpcOf(harness).deployResourceSync({
    resources: resources.map((r) => ({ name: r.name, content: Buffer.from(r.content) })),
    tenantId: '',
  });
}

async function deployDmn(harness: Harness, name: string, xml: string) {
  const result = await harness.zbc.deployResource({ name, decision: Buffer.from(xml) });
  return result.deployments as unknown as Array<Record<string, Record<string, unknown>>>;
}

describe('DeployResource with DMN', () => {
  test('a DRG alone: one decision entry per decision, then the decision requirements, version 1', async () => {
    const deployments = await deployDmn(h, 'dish.dmn', DISH);
    expect(deployments.map((d) => Object.keys(d)[0])).toEqual([
      'decision',
      'decision',
      'decisionRequirements',
    ]);
    const drg = deployments[2]?.decisionRequirements ?? {};
    expect(drg).toMatchObject({
      dmnDecisionRequirementsId: 'dinnerDecisions',
      dmnDecisionRequirementsName: 'Dinner Decisions',
      version: 1,
      resourceName: 'dish.dmn',
      tenantId: '<default>',
    });
    expect(BigInt(drg.decisionRequirementsKey as string) >= 2251799813685249n).toBe(true);
    expect(deployments[0]?.decision).toMatchObject({
      dmnDecisionId: 'dish',
      dmnDecisionName: 'Dish',
      version: 1,
      dmnDecisionRequirementsId: 'dinnerDecisions',
      decisionRequirementsKey: drg.decisionRequirementsKey,
      tenantId: '<default>',
    });
    expect(deployments[1]?.decision).toMatchObject({ dmnDecisionId: 'beverages', version: 1 });
  });

  test('the same bytes and name again: the same versions and keys; a changed byte: version 2 of each', async () => {
    const first = await deployDmn(h, 'dish.dmn', DISH);
    const again = await deployDmn(h, 'dish.dmn', DISH);
    expect(again).toEqual(first);
    const changed = await deployDmn(h, 'dish.dmn', `${DISH}<!-- changed -->`);
    expect(changed.map((d) => Object.values(d)[0]?.version)).toEqual([2, 2, 2]);
    expect(changed[0]?.decision?.decisionKey).not.toBe(first[0]?.decision?.decisionKey);
  });

  test('BPMN and DMN in one deployment: the process, then the decisions, then the DRG', async () => {
    const result = await deployRaw(h, [
      {
        name: 'fee.dmn',
        content: tableDmn({ decisionId: 'mixFee', inputs: ['x'], outputs: ['o'], rules: [] }),
      },
      { name: 'mix.bpmn', content: bpmn('mix', `${start()}${end()}${chain('start', 'end')}`) },
    ]);
    expect(
      result.deployments.map((d) => Object.keys(d).find((k) => d[k] !== null && d[k] !== undefined)),
    ).toEqual(['process', 'decision', 'decisionRequirements']);
  });

  test.each([
    [
      'a unary test that does not parse',
      [
        {
          name: 'bad.dmn',
          content: tableDmn({
            decisionId: 'bad1',
            inputs: ['x'],
            outputs: ['o'],
            rules: [[['[1..'], ['1']]],
          }),
        },
      ],
      /^'bad\.dmn': decision 'bad1': rule 'r1': failed to parse unary tests '\[1\.\.'/,
    ],
    [
      'broken XML',
      [{ name: 'broken.dmn', content: '<definitions' }],
      /^'broken\.dmn': Failed to parse the DMN: /,
    ],
    [
      'one decision id in two resources',
      [
        {
          name: 'a.dmn',
          content: tableDmn({ decisionId: 'twice', inputs: ['x'], outputs: ['o'], rules: [] }),
        },
        {
          name: 'b.dmn',
          content: tableDmn({ decisionId: 'twice', inputs: ['y'], outputs: ['o'], rules: [] }).replace(
            'twice-drg',
            'other-drg',
          ),
        },
      ],
      /^Expected the decision ids to be unique within a deployment but found a duplicated id 'twice' in the resources 'a\.dmn' and 'b\.dmn'\.$/,
    ],
  ])(
    "rejects %s: INVALID_ARGUMENT in Zeebe's layout, nothing deployed",
    async (_what, resources, problem) => {
      const error = await errorOf(
        deployRaw(h, [
          ...resources,
          { name: 'ok.bpmn', content: bpmn('okAlongside', `${start()}${end()}${chain('start', 'end')}`) },
        ]),
      );
      expect(error.code).toBe(3);
      const prefix =
        "3 INVALID_ARGUMENT: Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources, but encountered the following errors:\n";
      expect(error.message.startsWith(prefix)).toBe(true);
      expect(error.message.slice(prefix.length)).toMatch(problem);
      const missing = await errorOf(
        h.zbc.createProcessInstance({ bpmnProcessId: 'okAlongside', variables: {} }),
      );
      expect(missing.code).toBe(5);
    },
  );
});

describe('EvaluateDecision', () => {
  test("by id, the latest version: Camunda's dish example with its required decision", async () => {
    // Whatever version the tests above left, deploying the fixture makes it the latest.
    const deployments = await deployDmn(h, 'dish.dmn', DISH);
    const response = await h.zbc.evaluateDecision({
      decisionId: 'beverages',
      variables: { season: 'Fall', guestCount: 4, guestsWithChildren: true },
    });
    const beverages = deployments[1]?.decision ?? {};
    expect(response).toMatchObject({
      decisionKey: beverages.decisionKey,
      decisionId: 'beverages',
      decisionName: 'Beverages',
      decisionVersion: beverages.version,
      decisionRequirementsId: 'dinnerDecisions',
      decisionRequirementsKey: beverages.decisionRequirementsKey,
      failedDecisionId: '',
      failureMessage: '',
      tenantId: '<default>',
    });
    expect(JSON.parse(response.decisionOutput)).toEqual([
      'Aecht Schlenkerla Rauchbier',
      'Apple Juice',
      'Water',
    ]);
    expect(
      response.evaluatedDecisions.map((d) => [d.decisionId, d.decisionType, JSON.parse(d.decisionOutput)]),
    ).toEqual([
      ['dish', 'DECISION_TABLE', 'Spareribs'],
      ['beverages', 'DECISION_TABLE', ['Aecht Schlenkerla Rauchbier', 'Apple Juice', 'Water']],
    ]);
    const dish = response.evaluatedDecisions[0];
    expect(dish?.decisionKey).toBe(deployments[0]?.decision?.decisionKey);
    expect(dish?.evaluatedInputs).toEqual([
      { inputId: 'season', inputName: 'Season', inputValue: '"Fall"' },
      { inputId: 'guestCount', inputName: 'How many guests', inputValue: '4' },
    ]);
    expect(dish?.matchedRules).toEqual([
      {
        ruleId: 'dish1',
        ruleIndex: 1,
        evaluatedOutputs: [{ outputId: 'dishOutput', outputName: 'dish', outputValue: '"Spareribs"' }],
      },
    ]);
  });

  test('by key: exactly that version, after a newer one is deployed', async () => {
    const spec: TableSpec = {
      decisionId: 'byKey',
      inputs: ['x'],
      outputs: ['o'],
      rules: [[['-'], ['"v1"']]],
    };
    const v1 = await deployDmn(h, 'byKey.dmn', tableDmn(spec));
    await deployDmn(h, 'byKey.dmn', tableDmn({ ...spec, rules: [[['-'], ['"v2"']]] }));
    const latest = await h.zbc.evaluateDecision({ decisionId: 'byKey', variables: {} });
    expect([latest.decisionVersion, JSON.parse(latest.decisionOutput)]).toEqual([2, 'v2']);
    const first = await h.zbc.evaluateDecision({
      decisionKey: v1[0]?.decision?.decisionKey as string,
      variables: {},
    } as never);
    expect([first.decisionVersion, JSON.parse(first.decisionOutput)]).toEqual([1, 'v1']);
  });

  const amounts: TableSpec = {
    inputs: ['amount'],
    outputs: [{ name: 'level', values: '"high","medium","low"' }],
    rules: [
      [['> 0'], ['"low"']],
      [['> 1000'], ['"high"']],
      [['> 100'], ['"medium"']],
    ],
  };
  test.each([
    ['FIRST', undefined, 5000, 'low', null],
    ['PRIORITY', undefined, 500, 'medium', null],
    ['ANY', undefined, 50, 'low', null],
    ['COLLECT', undefined, 5000, ['low', 'high', 'medium'], []],
    ['RULE ORDER', undefined, 500, ['low', 'medium'], []],
    ['OUTPUT ORDER', undefined, 5000, ['high', 'medium', 'low'], []],
    ['COLLECT', 'COUNT', 5000, 3, 0],
    ['UNIQUE', undefined, 50, 'low', null],
  ])(
    'hit policy %s %s: amount %p gives %p, no match gives %p',
    async (hitPolicy, aggregation, amount, output, none) => {
      const decisionId = `hp${hitPolicy.replace(' ', '')}${aggregation ?? ''}`;
      await deployDmn(h, `${decisionId}.dmn`, tableDmn({ ...amounts, decisionId, hitPolicy, aggregation }));
      const hit = await h.zbc.evaluateDecision({ decisionId, variables: { amount } });
      expect(JSON.parse(hit.decisionOutput)).toEqual(output);
      const miss = await h.zbc.evaluateDecision({ decisionId, variables: { amount: -5 } });
      expect(JSON.parse(miss.decisionOutput)).toEqual(none);
    },
  );

  test('COLLECT with SUM adds the matching outputs', async () => {
    const spec: TableSpec = {
      decisionId: 'feeSum',
      hitPolicy: 'COLLECT',
      aggregation: 'SUM',
      inputs: ['pages'],
      outputs: ['fee'],
      rules: [
        [['> 0'], ['10000']],
        [['> 10'], ['2000 * (pages - 10)']],
      ],
    };
    await deployDmn(h, 'feeSum.dmn', tableDmn(spec));
    const response = await h.zbc.evaluateDecision({ decisionId: 'feeSum', variables: { pages: 12 } });
    expect(JSON.parse(response.decisionOutput)).toBe(14000);
  });

  test('a failed evaluation is an answer naming the decision, not an error', async () => {
    await deployDmn(h, 'unique.dmn', tableDmn({ ...amounts, decisionId: 'uniqueFails' }));
    const response = await h.zbc.evaluateDecision({ decisionId: 'uniqueFails', variables: { amount: 5000 } });
    expect(response).toMatchObject({
      decisionId: 'uniqueFails',
      decisionOutput: '',
      failedDecisionId: 'uniqueFails',
      failureMessage:
        "Expected to evaluate decision 'uniqueFails', but the hit policy 'UNIQUE' allows one matching rule, but 3 matched: 'r1', 'r2', 'r3'",
    });
  });

  test.each([
    [{ decisionId: 'nope' }, 5, "Expected to evaluate decision 'nope', but no decision found for id 'nope'"],
    [
      { decisionKey: '2251799813685248' },
      5,
      "Expected to evaluate decision with key '2251799813685248', but no decision found for key '2251799813685248'",
    ],
    [{}, 3, 'Expected either a decision id or a valid decision key, but none provided'],
  ])('rejects %p with code %p', async (by, code, message) => {
    const error = await errorOf(h.zbc.evaluateDecision({ ...by, variables: {} } as never));
    expect(error.code).toBe(code);
    expect(error.message).toContain(
      `Command 'EVALUATE' rejected with code '${code === 5 ? 'NOT_FOUND' : 'INVALID_ARGUMENT'}': ${message}`,
    );
  });
});

test('deployed decisions survive a restart (snapshot) with their versions and keys', async () => {
  const first = await startHarness();
  let deployments: Array<Record<string, Record<string, unknown>>> = [];
  try {
    deployments = await deployDmn(first, 'dish.dmn', DISH);
  } finally {
    await first.zbc.close();
    await first.engine.close();
  }
  const { startEngine } = await import('../../../embedded/zeebe');
  const { ZBClient } = await import('zeebe-node');
  const engine = await startEngine({ port: 0, dataDir: first.dataDir, clock: 'controlled' });
  const zbc = new ZBClient(engine.address, { usePlainText: true, loglevel: 'NONE' } as never);
  try {
    const response = await zbc.evaluateDecision({
      decisionId: 'dish',
      variables: { season: 'Summer', guestCount: 2 },
    });
    expect(response.decisionKey).toBe(deployments[0]?.decision?.decisionKey);
    expect(JSON.parse(response.decisionOutput)).toBe('Light Salad and a nice Steak');
    const again = await deployDmn({ zbc } as Harness, 'dish.dmn', DISH);
    expect(again).toEqual(deployments);
  } finally {
    await zbc.close();
    await engine.close();
    await first.close().catch(() => undefined);
  }
});
