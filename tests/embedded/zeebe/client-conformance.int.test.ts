// The same gateway scenarios through zeebe-node and through @camunda8/sdk's gRPC client (issue 22): deploy,
// create with result, activate/complete/fail/throw error, messages, timers on the controlled clock, variables,
// incidents and their resolution. A province can move its workers to the maintained client without changing
// engines only if every one of these answers the same.
import { camunda8Adapter, camunda8Client, zeebeNodeAdapter, type GatewayClient } from './client-adapters';
import { bpmn, chain, end, errorOf, start, task, useHarness, type Incident, type RawJob } from './support';

const h = useHarness();

const clients: Array<[string, () => GatewayClient]> = [
  ['zeebe-node', () => zeebeNodeAdapter(h.zbc)],
  ['@camunda8/sdk', () => camunda8Adapter(camunda8Client(h.engine.address))],
];

/** Activates until one job of the type comes (the engine answers at once; a few retries for the loop). */
async function one(c: GatewayClient, type: string, timeout = 60000): Promise<RawJob> {
  for (let i = 0; i < 100; i++) {
    const [job] = await c.activate(type, { max: 1, timeout });
    if (job) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no job of type ${type}`);
}

async function incidentsOf(processInstanceKey: string): Promise<Incident[]> {
  const all = await h.inspect<Incident[]>('/incidents');
  return all.filter((i) => i.processInstanceKey === processInstanceKey);
}

describe.each(clients)('through %s', (name, make) => {
  let c: GatewayClient;
  // Process ids and job types are the client's own: both run on one engine.
  const p = name === 'zeebe-node' ? 'zn' : 'c8';
  beforeAll(() => {
    c = make();
  });
  afterAll(() => (name === 'zeebe-node' ? undefined : c.close()));

  test('deploy, create with result through a job: fetched variables, completion variables in the result', async () => {
    const key = await c.deploy(
      `${p}-one.bpmn`,
      bpmn(`${p}-one`, `${start()}${task('a', `${p}-one-a`)}${end()}${chain('start', 'a', 'end')}`),
    );
    expect(key).toMatch(/^\d+$/);
    const result = c.createWithResult(`${p}-one`, { a: 1, b: 'hai' });
    const [job] = await Promise.all([one(c, `${p}-one-a`)]);
    expect(job.variables).toEqual({ a: 1, b: 'hai' });
    expect(job.retries).toBe(3);
    await c.complete(job.key, { c: true });
    expect(await result).toEqual({ a: 1, b: 'hai', c: true });
    const fetched = await c.create(`${p}-one`, { a: 1, b: 2 });
    expect(fetched).toMatch(/^\d+$/);
    const [only] = await c.activate(`${p}-one-a`, { fetchVariable: ['b'] });
    expect(only?.variables).toEqual({ b: 2 });
    await c.complete(only?.key as string, {});
  });

  test('fail: retries left come back (after the back-off on the controlled clock); none left is an incident resolved by retries', async () => {
    await c.deploy(
      `${p}-fail.bpmn`,
      bpmn(`${p}-fail`, `${start()}${task('a', `${p}-fail-a`)}${end()}${chain('start', 'a', 'end')}`),
    );
    const instance = await c.create(`${p}-fail`, {});
    const first = await one(c, `${p}-fail-a`);
    await c.fail(first.key, 2, 'mạng chập chờn');
    const second = await one(c, `${p}-fail-a`);
    expect(second.key).toBe(first.key);
    expect(second.retries).toBe(2);
    await c.fail(second.key, 1, 'thử lại sau', 60000);
    expect(await c.activate(`${p}-fail-a`)).toEqual([]);
    await h.advance(60000);
    const third = await one(c, `${p}-fail-a`);
    await c.fail(third.key, 0, 'hết lượt thử');
    const [incident] = await incidentsOf(instance);
    expect(incident).toMatchObject({ type: 'JOB_NO_RETRIES', message: 'hết lượt thử', jobKey: first.key });
    await c.updateRetries(first.key, 1);
    await c.resolveIncident(incident?.key as string);
    const back = await one(c, `${p}-fail-a`);
    expect(back.retries).toBe(1);
    await c.complete(back.key, {});
    expect(await incidentsOf(instance)).toEqual([]);
    const missing = await errorOf(c.complete(first.key, {}));
    expect(missing.code).toBe(5);
  });

  test('throw error: caught by a boundary event it takes its flow; uncaught it is an incident', async () => {
    await c.deploy(
      `${p}-err.bpmn`,
      bpmn(
        `${p}-err`,
        `${start()}${task('a', `${p}-err-a`)}${end()}
         <bpmn:boundaryEvent id="caught" attachedToRef="a"><bpmn:errorEventDefinition errorRef="E1" /></bpmn:boundaryEvent>
         ${task('handle', `${p}-err-handle`)}<bpmn:endEvent id="end2" />
         ${chain('start', 'a', 'end')}<bpmn:sequenceFlow id="e1" sourceRef="caught" targetRef="handle" /><bpmn:sequenceFlow id="e2" sourceRef="handle" targetRef="end2" />`,
        '<bpmn:error id="E1" errorCode="HO_SO_THIEU" />',
      ),
    );
    await c.create(`${p}-err`, {});
    const job = await one(c, `${p}-err-a`);
    await c.throwError(job.key, 'HO_SO_THIEU', 'thiếu giấy tờ');
    const handler = await one(c, `${p}-err-handle`);
    await c.complete(handler.key, {});
    const other = await c.create(`${p}-err`, {});
    const second = await one(c, `${p}-err-a`);
    await c.throwError(second.key, 'KHAC', 'lỗi khác');
    const [incident] = await incidentsOf(other);
    expect(incident?.type).toBe('UNHANDLED_ERROR_EVENT');
  });

  test('a message correlates by its key only; a timer fires when the controlled clock passes it', async () => {
    await c.deploy(
      `${p}-wait.bpmn`,
      bpmn(
        `${p}-wait`,
        `${start()}<bpmn:intermediateCatchEvent id="msg"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
         <bpmn:intermediateCatchEvent id="timer"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
         ${task('after', `${p}-wait-after`)}${end()}${chain('start', 'msg', 'timer', 'after', 'end')}`,
        `<bpmn:message id="m" name="${p}-paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=dossier" /></bpmn:extensionElements></bpmn:message>`,
      ),
    );
    await c.create(`${p}-wait`, { dossier: 'HS-1' });
    await c.publish(`${p}-paid`, 'HS-2', { fee: 1 });
    await c.publish(`${p}-paid`, 'HS-1', { fee: 50000 });
    await h.advance(3600000);
    expect(await c.activate(`${p}-wait-after`)).toEqual([]);
    await h.advance(3600000);
    const job = await one(c, `${p}-wait-after`);
    expect(job.variables).toEqual({ dossier: 'HS-1', fee: 50000 });
    await c.complete(job.key, {});
  });

  test('set variables: on the instance they reach the next job; local ones stay in their scope', async () => {
    await c.deploy(
      `${p}-vars.bpmn`,
      bpmn(
        `${p}-vars`,
        `${start()}${task('a', `${p}-vars-a`)}${task('b', `${p}-vars-b`)}${end()}${chain('start', 'a', 'b', 'end')}`,
      ),
    );
    const instance = await c.create(`${p}-vars`, { x: 1 });
    const a = await one(c, `${p}-vars-a`);
    await c.setVariables(instance, { x: 2, officer: 'Lan' }, false);
    await c.setVariables(a.elementInstanceKey, { scratch: true }, true);
    await c.complete(a.key, {});
    const b = await one(c, `${p}-vars-b`);
    expect(b.variables).toEqual({ x: 2, officer: 'Lan' });
    await c.complete(b.key, {});
    const gone = await errorOf(c.setVariables(a.elementInstanceKey, { late: 1 }, true));
    expect(gone.code).toBe(5);
  });
});
