// DeleteResource through @camunda8/sdk (Zeebe 8.5+ semantics for a process definition): its running instances
// are cancelled, it takes no new instances, the previous version is the latest again, versions are not reused;
// refused (nothing changed) for an instance called by a parent; DRGs and forms answer UNIMPLEMENTED.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { camunda8Client } from './client-adapters';
import { bpmn, chain, end, errorOf, nextJob, start, task, useHarness } from './support';

const h = useHarness();
let zbc: ReturnType<typeof camunda8Client>;
beforeAll(() => {
  zbc = camunda8Client(h.engine.address);
});
afterAll(() => zbc.close());

const oneTask = (type: string, extra = '') =>
  `${start()}${task('a', type)}${extra}${end()}${chain('start', 'a', 'end')}`;

async function deployed(id: string, body: string): Promise<{ key: string; version: number }> {
  const result = await zbc.deployResource({ name: `${id}.bpmn`, process: Buffer.from(bpmn(id, body)) });
  const p = (result.deployments[0] as { process: { processDefinitionKey: string; version: number } }).process;
  return { key: String(p.processDefinitionKey), version: p.version };
}

test('a deleted process definition: instances cancelled, no new ones, the previous version latest again', async () => {
  const v1 = await deployed('del', oneTask('del-a'));
  const v2 = await deployed('del', oneTask('del-a', '<bpmn:textAnnotation id="v2" />'));
  expect(v2.version).toBe(2);
  const old = await zbc.createProcessInstance({ bpmnProcessId: 'del', version: 1, variables: { v: 1 } });
  const current = await zbc.createProcessInstance({ bpmnProcessId: 'del', variables: { v: 2 } });
  expect(current.version).toBe(2);

  await zbc.deleteResource({ resourceKey: v2.key });

  const instances = await h.inspect<Array<{ key: string; state: string }>>('/process-instances');
  const stateOf = (key: unknown) => instances.find((i) => i.key === String(key))?.state;
  expect(stateOf(current.processInstanceKey)).toBe('CANCELED');
  expect(stateOf(old.processInstanceKey)).toBe('ACTIVE');
  const job = await nextJob(h.zbc, 'del-a');
  expect(job.variables).toEqual({ v: 1 });
  await h.zbc.completeJob({ jobKey: job.key, variables: {} });

  const byVersion = await errorOf(
    zbc.createProcessInstance({ bpmnProcessId: 'del', version: 2, variables: {} }),
  );
  expect(byVersion.message).toMatch(/NOT_FOUND/);
  const latest = await zbc.createProcessInstance({ bpmnProcessId: 'del', variables: {} });
  expect(latest).toMatchObject({ version: 1, processDefinitionKey: v1.key });
  await h.zbc.cancelProcessInstance(String(latest.processInstanceKey));

  const v3 = await deployed('del', oneTask('del-a', '<bpmn:textAnnotation id="v3" />'));
  expect(v3.version).toBe(3);

  await zbc.deleteResource({ resourceKey: v1.key });
  await zbc.deleteResource({ resourceKey: v3.key });
  const none = await errorOf(zbc.createProcessInstance({ bpmnProcessId: 'del', variables: {} }));
  expect(none.message).toMatch(/NOT_FOUND.*process ID 'del', but none found/);
  const again = await errorOf(zbc.deleteResource({ resourceKey: v3.key }));
  expect(again.message).toMatch(/NOT_FOUND.*no resource found with key/);
});

test('deleting the latest version brings back the start timer of the previous one', async () => {
  const timerStart = `<bpmn:startEvent id="start"><bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>`;
  await deployed('tick', `${timerStart}${task('a', 'tick-a')}${end()}${chain('start', 'a', 'end')}`);
  const v2 = await deployed('tick', oneTask('tick-a'));
  await h.advance(3600000);
  const before = (await h.inspect<Array<{ type: string }>>('/jobs')).filter((j) => j.type === 'tick-a');
  expect(before).toEqual([]);
  await zbc.deleteResource({ resourceKey: v2.key });
  await h.advance(3600000);
  const job = await nextJob(h.zbc, 'tick-a');
  await h.zbc.completeJob({ jobKey: job.key, variables: {} });
});

test('refused, with nothing changed, while an instance of it was called by a parent', async () => {
  const child = await deployed('delc', oneTask('delc-a'));
  await deployed(
    'delp',
    `${start()}<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="delc" /></bpmn:extensionElements></bpmn:callActivity>${end()}${chain('start', 'call', 'end')}`,
  );
  const parent = await zbc.createProcessInstance({ bpmnProcessId: 'delp', variables: {} });
  await nextJob(h.zbc, 'delc-a');
  const refused = await errorOf(zbc.deleteResource({ resourceKey: child.key }));
  expect(refused.message).toMatch(
    new RegExp(`INVALID_STATE.*called by process instance '${String(parent.processInstanceKey)}'`),
  );
  const still = await zbc.createProcessInstance({ bpmnProcessId: 'delc', variables: {} });
  expect(String(still.processDefinitionKey)).toBe(child.key);
});

test('a decision requirements graph is not deleted: UNIMPLEMENTED, saying what can be', async () => {
  const dmn = await readFile(path.join(__dirname, 'dmn', 'fixtures', 'dish.dmn'));
  const result = await zbc.deployResource({ name: 'dish.dmn', decision: dmn });
  const drg = result.deployments.find((d) => 'decisionRequirements' in d) as {
    decisionRequirements: { decisionRequirementsKey: string };
  };
  const error = await errorOf(
    zbc.deleteResource({ resourceKey: String(drg.decisionRequirements.decisionRequirementsKey) }),
  );
  expect(error.message).toMatch(/UNIMPLEMENTED.*only process definitions can be deleted/);
});
