// Business rule tasks with `zeebe:calledDecision`: the latest version evaluated on activation, the result in
// `resultVariable`; CALLED_DECISION_ERROR for a missing decision and DECISION_EVALUATION_ERROR for a failing one,
// each resolved by fixing the cause; deploy checks on the extension element; a replay of the log rebuilds it all.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ControlledClock } from '../../../embedded/zeebe/clock';
import { Runtime } from '../../../embedded/zeebe/runtime';
import { bpmn, chain, end, errorOf, nextJob, start, task, useHarness, type Incident } from './support';
import { tableDmn, type TableSpec } from './dmn/fixtures/dmn-table';

const h = useHarness();

/** Lệ phí (fee) by applicant category: exempt categories pay 0. */
const feeTable = (decisionId: string, fee = '50000'): TableSpec => ({
  decisionId,
  inputs: ['applicant.category'],
  outputs: ['fee'],
  rules: [
    [['"poor","disabled"'], ['0']],
    [['-'], [fee]],
  ],
  hitPolicy: 'FIRST',
});

function ruleTask(decisionId: string, resultVariable = 'fee', extra = ''): string {
  const called = `<zeebe:calledDecision decisionId="${decisionId}" resultVariable="${resultVariable}" />`;
  return `<bpmn:businessRuleTask id="rule"><bpmn:extensionElements>${called}${extra}</bpmn:extensionElements></bpmn:businessRuleTask>`;
}

/** start → rule → a service task of type `${id}-after` (to read the result from its job) → end */
async function deployRuleProcess(id: string, decisionId: string, resultVariable = 'fee', extra = '') {
  const after = task('after', `${id}-after`);
  const body = `${start()}${ruleTask(decisionId, resultVariable, extra)}${after}${end()}${chain('start', 'rule', 'after', 'end')}`;
  await h.zbc.deployResource({ name: `${id}.bpmn`, process: Buffer.from(bpmn(id, body)) });
}

async function deployDecision(name: string, xml: string) {
  await h.zbc.deployResource({ name, decision: Buffer.from(xml) });
}

async function incidentOf(processInstanceKey: string): Promise<Incident | undefined> {
  return (await h.inspect<Incident[]>('/incidents')).find((i) => i.processInstanceKey === processInstanceKey);
}

test('the decision is evaluated on activation and its result set as the result variable', async () => {
  await deployDecision('fee.dmn', tableDmn(feeTable('fee')));
  await deployRuleProcess('brt1', 'fee');
  await h.zbc.createProcessInstance({
    bpmnProcessId: 'brt1',
    variables: { applicant: { category: 'poor' } },
  });
  expect((await nextJob(h.zbc, 'brt1-after')).variables).toMatchObject({ fee: 0 });
  await h.zbc.createProcessInstance({
    bpmnProcessId: 'brt1',
    variables: { applicant: { category: 'citizen' } },
  });
  expect((await nextJob(h.zbc, 'brt1-after')).variables).toMatchObject({ fee: 50000 });
});

test('the latest version is used; the decision id may be an expression; output mappings apply', async () => {
  await deployDecision('fee2.dmn', tableDmn(feeTable('feeByKind')));
  await deployDecision('fee2.dmn', tableDmn(feeTable('feeByKind', '70000')));
  const mapping = '<zeebe:ioMapping><zeebe:output source="=result * 2" target="doubled" /></zeebe:ioMapping>';
  await deployRuleProcess('brt2', '=&quot;feeBy&quot; + kind', 'result', mapping);
  await h.zbc.createProcessInstance({
    bpmnProcessId: 'brt2',
    variables: { kind: 'Kind', applicant: { category: 'citizen' } },
  });
  const job = await nextJob(h.zbc, 'brt2-after');
  expect(job.variables).toMatchObject({ doubled: 140000 });
  expect(job.variables).not.toHaveProperty('result');
});

test('a missing decision: CALLED_DECISION_ERROR; deploying it and resolving completes the task', async () => {
  await deployRuleProcess('brt3', 'feeLater');
  const pi = await h.zbc.createProcessInstance({ bpmnProcessId: 'brt3', variables: { applicant: {} } });
  const incident = await incidentOf(pi.processInstanceKey);
  expect(incident).toMatchObject({
    type: 'CALLED_DECISION_ERROR',
    message: "Expected to evaluate decision 'feeLater', but no decision found for id 'feeLater'",
  });
  await deployDecision('later.dmn', tableDmn(feeTable('feeLater')));
  await h.zbc.resolveIncident({ incidentKey: (incident as Incident).key });
  expect(await incidentOf(pi.processInstanceKey)).toBeUndefined();
  const job = await nextJob(h.zbc, 'brt3-after');
  expect(job).toMatchObject({ processInstanceKey: pi.processInstanceKey, variables: { fee: 50000 } });
});

test('a failing decision: DECISION_EVALUATION_ERROR with the failure; new variables and resolving complete it', async () => {
  const unique: TableSpec = { ...feeTable('feeUnique'), hitPolicy: 'UNIQUE' };
  await deployDecision('unique.dmn', tableDmn(unique));
  await deployRuleProcess('brt4', 'feeUnique');
  const pi = await h.zbc.createProcessInstance({
    bpmnProcessId: 'brt4',
    variables: { applicant: { category: 'poor' } },
  });
  const incident = await incidentOf(pi.processInstanceKey);
  expect(incident).toMatchObject({
    type: 'DECISION_EVALUATION_ERROR',
    message:
      "Expected to evaluate decision 'feeUnique', but the hit policy 'UNIQUE' allows one matching rule, but 2 matched: 'r1', 'r2'",
  });
  await h.zbc.setVariables({
    elementInstanceKey: pi.processInstanceKey,
    variables: { applicant: { category: 'citizen' } },
    local: false,
  });
  await h.zbc.resolveIncident({ incidentKey: (incident as Incident).key });
  const job = await nextJob(h.zbc, 'brt4-after');
  expect(job).toMatchObject({ processInstanceKey: pi.processInstanceKey, variables: { fee: 50000 } });
});

test.each([
  [
    'an empty resultVariable',
    ruleTask('fee', ''),
    "Attribute 'resultVariable' must be present and not empty",
  ],
  ['an empty decisionId', ruleTask('', 'fee'), "Attribute 'decisionId' must be present and not empty"],
  [
    'neither a called decision nor a task definition',
    '<bpmn:businessRuleTask id="rule" />',
    "Must have either one 'zeebe:calledDecision' or one 'zeebe:taskDefinition' extension element",
  ],
  [
    'both a called decision and a task definition',
    ruleTask('fee', 'fee', '<zeebe:taskDefinition type="fee-job" />'),
    "Must have either one 'zeebe:calledDecision' or one 'zeebe:taskDefinition' extension element",
  ],
])('deploy rejects a business rule task with %s', async (_what, element, message) => {
  const xml = bpmn('brtBad', `${start()}${element}${end()}${chain('start', 'rule', 'end')}`);
  const error = await errorOf(h.zbc.deployResource({ name: 'brtBad.bpmn', process: Buffer.from(xml) }));
  expect(error.code).toBe(3);
  expect(error.message).toContain(`'brtBad.bpmn': - Element: rule\n    - ERROR: ${message}`);
});

test('replaying the log (as after kill -9) rebuilds the same state: evaluations, incidents and resolutions', async () => {
  const runtime = h.engine.runtime;
  await runtime.durable();
  // A copy of the data directory as a crash leaves it: the log, no snapshot written since start.
  const crashed = await mkdtemp(path.join(tmpdir(), 'engine-brt-replay-'));
  try {
    await cp(h.dataDir, crashed, { recursive: true });
    const replayed = new Runtime(crashed, new ControlledClock(runtime.now()));
    await replayed.start();
    try {
      expect(JSON.parse(JSON.stringify(replayed.engine.state))).toEqual(
        JSON.parse(JSON.stringify(runtime.engine.state)),
      );
    } finally {
      await replayed.close();
    }
  } finally {
    await rm(crashed, { recursive: true, force: true });
  }
});
