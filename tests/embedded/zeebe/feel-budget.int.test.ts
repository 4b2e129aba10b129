// FEEL evaluation has a time budget: an expression that loops on constants is refused at deploy, one that loops
// on an instance's variables raises an incident on its element, and neither stalls the engine's event loop.
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEngine } from '../../../embedded/zeebe';
import { inspectJson, inspectionOf } from './inspect-client';
import { bpmn, chain, end, errorOf, flow, start, task, useHarness, type Incident } from './support';

const h = useHarness();

/** The longest a 5 ms timer on this (the engine's) event loop came late while `action` ran. */
async function loopStallDuring(action: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 5);
    last = now;
  }, 5);
  try {
    await action();
    await new Promise((r) => setTimeout(r, 20));
  } finally {
    clearInterval(probe);
  }
  return worst;
}

async function incidentOf(processInstanceKey: string): Promise<Incident> {
  for (let i = 0; i < 200; i++) {
    const incidents = await h.inspect<Incident[]>('/incidents');
    const found = incidents.find((x) => x.processInstanceKey === processInstanceKey);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no incident on ${processInstanceKey}`);
}

const script = (id: string, expression: string, result = 'out') =>
  `<bpmn:scriptTask id="${id}" name="Tính phí"><bpmn:extensionElements><zeebe:script expression="${expression}" resultVariable="${result}" /></bpmn:extensionElements></bpmn:scriptTask>`;

// A generous bound (the machine may be loaded): a check that nothing ran for seconds, as the loop did before
// (5 s), not a performance target.
const STALL_BOUND_MS = 1000;

test('an expression that loops on constants is refused at deploy, naming the element, without a stall', async () => {
  const body = `${start()}${script('fee', '=count(for i in 1..3000000 return i)')}${end()}${chain('start', 'fee', 'end')}`;
  let rejection: { code?: number; message: string } | undefined;
  const stall = await loopStallDuring(async () => {
    rejection = await errorOf(
      h.zbc.deployResource({ name: 'loop.bpmn', process: Buffer.from(bpmn('loop', body)) }),
    );
  });
  expect(rejection?.code).toBe(3);
  expect(rejection?.message).toContain(
    "'loop.bpmn': - Element: fee\n    - ERROR: failed to evaluate expression 'count(for i in 1..3000000 return i)': the evaluation took longer than 25 ms",
  );
  expect(stall).toBeLessThan(STALL_BOUND_MS);
});

test('a script task that loops on its variables gets an incident; the engine keeps serving meanwhile', async () => {
  await h.deploy(
    'loopvars',
    `${start()}${script('fee', '=count(for i in 1..n return i)')}${end()}${chain('start', 'fee', 'end')}`,
  );
  await h.deploy('quick', `${start()}${end()}${chain('start', 'end')}`);
  let processInstanceKey = '';
  const stall = await loopStallDuring(async () => {
    const created = h.zbc.createProcessInstance({ bpmnProcessId: 'loopvars', variables: { n: 3000000 } });
    // Another client's call is answered while the looping instance is processed.
    const other = h.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'quick', variables: {} });
    processInstanceKey = (await created).processInstanceKey;
    await other;
  });
  expect(stall).toBeLessThan(STALL_BOUND_MS);
  expect(await incidentOf(processInstanceKey)).toMatchObject({
    type: 'EXTRACT_VALUE_ERROR',
    elementId: 'fee',
    message:
      "failed to evaluate expression 'count(for i in 1..n return i)': the evaluation took longer than 25 ms, the engine's limit for one expression",
  });
  const view = await h.inspect<{ state: string; elementInstances: { elementId: string; state: string }[] }>(
    `/process-instances/${processInstanceKey}`,
  );
  expect(view.state).toBe('INCIDENT');
  expect(view.elementInstances.find((e) => e.elementId === 'fee')?.state).toBe('ACTIVE');
});

test('a gateway condition and an input mapping that loop get incidents of their kinds', async () => {
  const loop = '=count(for i in 1..n return i) &gt; 0';
  await h.deploy(
    'loopgate',
    `${start()}<bpmn:exclusiveGateway id="g" default="other" />${end('yes')}${end('no')}
     ${chain('start', 'g')}${flow('taken', 'g', 'yes', loop)}${flow('other', 'g', 'no')}`,
  );
  await h.deploy(
    'loopmap',
    `${start()}${task('t', 'loop-map', '<zeebe:ioMapping><zeebe:input source="=count(for i in 1..n return i)" target="c" /></zeebe:ioMapping>')}${end()}${chain('start', 't', 'end')}`,
  );
  const gate = await h.zbc.createProcessInstance({ bpmnProcessId: 'loopgate', variables: { n: 3000000 } });
  const map = await h.zbc.createProcessInstance({ bpmnProcessId: 'loopmap', variables: { n: 3000000 } });
  expect((await incidentOf(gate.processInstanceKey)).message).toContain('took longer than 25 ms');
  const mapping = await incidentOf(map.processInstanceKey);
  expect(mapping.type).toBe('IO_MAPPING_ERROR');
  expect(mapping.message).toContain('took longer than 25 ms');
});

test('cheap expressions, guarded or not, evaluate as before', async () => {
  await h.deploy(
    'cheap',
    `${start()}${script('sum', '=sum(for i in 1..100 return i) + amount')}${script('flag', '=decision = &quot;approve&quot;', 'approved')}${end()}${chain('start', 'sum', 'flag', 'end')}`,
  );
  const result = await h.zbc.createProcessInstanceWithResult({
    bpmnProcessId: 'cheap',
    variables: { amount: 1, decision: 'approve' },
  });
  expect(result.variables).toMatchObject({ out: 5051, approved: true });
});

test('replaying the log after a crash stops the same evaluations, from the record, without running them', async () => {
  await h.deploy(
    'loopreplay',
    `${start()}${script('fee', '=count(for i in 1..n return i)')}${end()}${chain('start', 'fee', 'end')}`,
  );
  const created = await h.zbc.createProcessInstance({
    bpmnProcessId: 'loopreplay',
    variables: { n: 3000000 },
  });
  const incident = await incidentOf(created.processInstanceKey);
  // The log as a crash would leave it (answers wait for it to be durable); no snapshot of this state exists.
  const crashed = await mkdtemp(path.join(tmpdir(), 'engine-feel-replay-'));
  await cp(h.dataDir, crashed, { recursive: true });
  await rm(path.join(crashed, 'snapshot.json'), { force: true });
  const logs = (await readdir(crashed)).filter((f) => f.startsWith('log-'));
  const records = (await Promise.all(logs.map((f) => readFile(path.join(crashed, f), 'utf8')))).join('');
  expect(records).toContain('"feelOverruns":[[0,"expression"]]');

  const recovered = await startEngine({ port: 0, inspectPort: 0, dataDir: crashed, clock: 'controlled' });
  try {
    const incidents = await inspectJson<Incident[]>(inspectionOf(recovered), '/incidents');
    expect(incidents.find((i) => i.processInstanceKey === created.processInstanceKey)).toEqual(incident);
  } finally {
    await recovered.close();
    await rm(crashed, { recursive: true, force: true });
  }
});
