// Spec §5 scenarios 18–27 and 38: error events, message correlation, message start, boundaries, signals.
import {
  activate,
  bpmn,
  chain,
  end,
  errorOf,
  flow,
  nextJob,
  start,
  useHarness,
  task,
  type Incident,
} from './support';

const h = useHarness();

async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not reached');
}

const errorDef = '<bpmn:error id="E1" name="E1" errorCode="E1" />';
const boundary = (id: string, attached: string, errorRef?: string, extensions = '') =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attached}">${extensions}<bpmn:errorEventDefinition ${errorRef ? `errorRef="${errorRef}"` : ''} /></bpmn:boundaryEvent>`;

test('18. ThrowError to a boundary: variables stay local without a mapping, with one they are mapped; old key is gone', async () => {
  const body = (withMapping: boolean) =>
    `${start()}${task('a', 'err-a')}${boundary('b', 'a', 'E1', withMapping ? '<bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=e" target="err" /></zeebe:ioMapping></bpmn:extensionElements>' : '')}${task('after', 'err-after')}${end()}${end('e2')}
     ${chain('start', 'a', 'e2')}${flow('fb', 'b', 'after')}${flow('fe', 'after', 'end')}`;
  await h.zbc.deployResource({
    name: 'err1.bpmn',
    process: Buffer.from(bpmn('err1', body(false), errorDef)),
  });
  await h.zbc.deployResource({ name: 'err2.bpmn', process: Buffer.from(bpmn('err2', body(true), errorDef)) });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'err1', variables: {} });
  const job = await nextJob(h.zbc, 'err-a');
  await h.zbc.throwError({
    jobKey: job.key,
    errorCode: 'E1',
    errorMessage: 'x',
    variables: { e: 1 },
  } as never);
  const after = await nextJob(h.zbc, 'err-after');
  expect(after.variables).not.toHaveProperty('e');
  await h.zbc.completeJob({ jobKey: after.key, variables: {} });
  const old = await errorOf(h.zbc.completeJob({ jobKey: job.key, variables: {} }));
  expect(old.code).toBe(5);
  await h.zbc.createProcessInstance({ bpmnProcessId: 'err2', variables: {} });
  const job2 = await nextJob(h.zbc, 'err-a');
  await h.zbc.throwError({
    jobKey: job2.key,
    errorCode: 'E1',
    errorMessage: 'x',
    variables: { e: 1 },
  } as never);
  const after2 = await nextJob(h.zbc, 'err-after');
  expect(after2.variables).toEqual({ err: 1 });
  await h.zbc.completeJob({ jobKey: after2.key, variables: {} });
});

test('19. exact code beats catch-all; a boundary on the enclosing subprocess interrupts it', async () => {
  const body = `${start()}${task('a', 'codes-a')}${boundary('exact', 'a', 'E1')}${boundary('any', 'a')}
    ${task('pe', 'codes-exact')}${task('pa', 'codes-any')}${end()}${end('x1')}${end('x2')}
    ${chain('start', 'a', 'end')}${flow('g1', 'exact', 'pe')}${flow('g2', 'any', 'pa')}${flow('g3', 'pe', 'x1')}${flow('g4', 'pa', 'x2')}`;
  await h.zbc.deployResource({ name: 'codes.bpmn', process: Buffer.from(bpmn('codes', body, errorDef)) });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'codes', variables: {} });
  await h.zbc.throwError({
    jobKey: (await nextJob(h.zbc, 'codes-a')).key,
    errorCode: 'E1',
    errorMessage: '',
  });
  await h.zbc.completeJob({ jobKey: (await nextJob(h.zbc, 'codes-exact')).key, variables: {} });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'codes', variables: {} });
  await h.zbc.throwError({ jobKey: (await nextJob(h.zbc, 'codes-a')).key, errorCode: 'X', errorMessage: '' });
  await h.zbc.completeJob({ jobKey: (await nextJob(h.zbc, 'codes-any')).key, variables: {} });

  const sub = `${start()}<bpmn:subProcess id="sp">${start('s2')}${task('inner', 'sp-inner')}${end('e2')}${flow('i1', 's2', 'inner')}${flow('i2', 'inner', 'e2')}</bpmn:subProcess>
    ${boundary('spb', 'sp', 'E1')}${task('handler', 'sp-handler')}${end()}${end('x')}
    ${chain('start', 'sp', 'end')}${flow('h1', 'spb', 'handler')}${flow('h2', 'handler', 'x')}`;
  await h.zbc.deployResource({ name: 'spe.bpmn', process: Buffer.from(bpmn('spe', sub, errorDef)) });
  const pi = await h.zbc.createProcessInstance({ bpmnProcessId: 'spe', variables: {} });
  await h.zbc.throwError({
    jobKey: (await nextJob(h.zbc, 'sp-inner')).key,
    errorCode: 'E1',
    errorMessage: '',
  });
  await nextJob(h.zbc, 'sp-handler');
  const view = await h.inspect<{ elementInstances: Array<{ elementId: string; state: string }> }>(
    `/process-instances/${pi.processInstanceKey}`,
  );
  expect(view.elementInstances.find((e) => e.elementId === 'sp')?.state).toBe('TERMINATED');
});

test('20. uncaught error: UNHANDLED_ERROR_EVENT incident; resolving re-delivers the job', async () => {
  await h.deploy('unc', `${start()}${task('a', 'unc-a')}${end()}${chain('start', 'a', 'end')}`);
  const pi = await h.zbc.createProcessInstance({ bpmnProcessId: 'unc', variables: {} });
  const job = await nextJob(h.zbc, 'unc-a');
  await h.zbc.throwError({ jobKey: job.key, errorCode: 'E9', errorMessage: 'bad' });
  const incidents = await h.inspect<Incident[]>('/incidents');
  const incident = incidents.find((i) => i.processInstanceKey === pi.processInstanceKey) as Incident;
  expect(incident.type).toBe('UNHANDLED_ERROR_EVENT');
  expect(incident.message).toBe(
    "Expected to throw an error event with the code 'E9' with message 'bad', but it was not caught. No error events are available in the scope.",
  );
  expect((await errorOf(h.zbc.completeJob({ jobKey: job.key, variables: {} }))).code).toBe(9);
  await h.zbc.resolveIncident({ incidentKey: incident.key });
  const again = await nextJob(h.zbc, 'unc-a');
  expect(again.key).toBe(job.key);
  await h.zbc.completeJob({ jobKey: again.key, variables: {} });
});

test('21. a child error end event is caught by the parent call activity boundary', async () => {
  await h.zbc.deployResource({
    name: 'child21.bpmn',
    process: Buffer.from(
      bpmn(
        'child21',
        `${start()}<bpmn:endEvent id="ee"><bpmn:errorEventDefinition errorRef="C1" /></bpmn:endEvent>${chain('start', 'ee')}`,
        '<bpmn:error id="C1" errorCode="C1" />',
      ),
    ),
  });
  await h.zbc.deployResource({
    name: 'parent21.bpmn',
    process: Buffer.from(
      bpmn(
        'parent21',
        `${start()}<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child21" /></bpmn:extensionElements></bpmn:callActivity>
         <bpmn:boundaryEvent id="cb" attachedToRef="call"><bpmn:errorEventDefinition errorRef="C1" /></bpmn:boundaryEvent>
         ${task('caught', 'p21-caught')}${end()}${end('x')}${chain('start', 'call', 'end')}${flow('c1', 'cb', 'caught')}${flow('c2', 'caught', 'x')}`,
        '<bpmn:error id="C1" errorCode="C1" />',
      ),
    ),
  });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'parent21', variables: {} });
  await h.zbc.completeJob({ jobKey: (await nextJob(h.zbc, 'p21-caught')).key, variables: {} });
  const children = await h.inspect<Array<{ state: string }>>('/process-instances?bpmnProcessId=child21');
  expect(children.map((c) => c.state)).toEqual(['CANCELED']);
});

const msg = (name: string) =>
  `<bpmn:message id="msg_${name}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>`;
const catchEvent = (id: string, name: string) =>
  `<bpmn:intermediateCatchEvent id="${id}"><bpmn:messageEventDefinition messageRef="msg_${name}" /></bpmn:intermediateCatchEvent>`;

test('22. message catch: correlates after the subscription opens; TTL 0 before is lost; TTL 10 s buffers', async () => {
  await h.zbc.deployResource({
    name: 'm22.bpmn',
    process: Buffer.from(
      bpmn(
        'm22',
        `${start()}${catchEvent('c', 'paid')}${task('next', 'm22-next')}${end()}${chain('start', 'c', 'next', 'end')}`,
        msg('paid'),
      ),
    ),
  });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'm22', variables: { orderId: 'o1' } });
  await h.zbc.publishMessage({ name: 'paid', correlationKey: 'o1', variables: { amount: 5 } });
  const job = await nextJob(h.zbc, 'm22-next');
  expect(job.variables).toEqual({ orderId: 'o1', amount: 5 });
  await h.zbc.completeJob({ jobKey: job.key, variables: {} });

  await h.zbc.publishMessage({ name: 'paid', correlationKey: 'o2', variables: {} });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'm22', variables: { orderId: 'o2' } });
  expect(await activate(h.zbc, 'm22-next')).toEqual([]);

  await h.zbc.publishMessage({
    name: 'paid',
    correlationKey: 'o3',
    variables: { early: true },
    timeToLive: 10000,
  });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'm22', variables: { orderId: 'o3' } });
  const buffered = await nextJob(h.zbc, 'm22-next');
  expect(buffered.variables).toMatchObject({ orderId: 'o3', early: true });
});

test('23. messageId uniqueness while buffered; different or empty ids are fine', async () => {
  await h.zbc.publishMessage({
    name: 'dup',
    correlationKey: 'k',
    messageId: 'id1',
    timeToLive: 10000,
    variables: {},
  });
  const second = await errorOf(
    h.zbc.publishMessage({
      name: 'dup',
      correlationKey: 'k',
      messageId: 'id1',
      timeToLive: 10000,
      variables: {},
    }),
  );
  expect(second.code).toBe(6);
  expect(second.message).toContain(
    "Expected to publish a new message with id 'id1', but a message with that id was already published",
  );
  await h.zbc.publishMessage({
    name: 'dup',
    correlationKey: 'k',
    messageId: 'id2',
    timeToLive: 10000,
    variables: {},
  });
  await h.zbc.publishMessage({ name: 'dup', correlationKey: 'k', timeToLive: 10000, variables: {} });
  await h.zbc.publishMessage({ name: 'dup', correlationKey: 'k', timeToLive: 10000, variables: {} });
});

test('24. one message per process id: two waiting instances → one continues; two processes → both', async () => {
  for (const id of ['m24a', 'm24b']) {
    await h.zbc.deployResource({
      name: `${id}.bpmn`,
      process: Buffer.from(
        bpmn(
          id,
          `${start()}${catchEvent('c', 'go24')}${task('n', `${id}-next`)}${end()}${chain('start', 'c', 'n', 'end')}`,
          msg('go24'),
        ),
      ),
    });
  }
  await h.zbc.createProcessInstance({ bpmnProcessId: 'm24a', variables: { orderId: 'k' } });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'm24a', variables: { orderId: 'k' } });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'm24b', variables: { orderId: 'k' } });
  await h.zbc.publishMessage({ name: 'go24', correlationKey: 'k', variables: {} });
  expect(await activate(h.zbc, 'm24a-next')).toHaveLength(1);
  expect(await activate(h.zbc, 'm24b-next')).toHaveLength(1);
});

test('25. message start: publishStartMessage creates an instance; a fixed key blocks a second while active', async () => {
  await h.zbc.deployResource({
    name: 'm25.bpmn',
    process: Buffer.from(
      bpmn(
        'm25',
        `<bpmn:startEvent id="s"><bpmn:messageEventDefinition messageRef="ms" /></bpmn:startEvent>${task('t', 'm25-t')}${end()}${chain('s', 't', 'end')}`,
        '<bpmn:message id="ms" name="start25" />',
      ),
    ),
  });
  await h.zbc.publishStartMessage({ name: 'start25', variables: { v: 1 }, timeToLive: 0 });
  const job = await nextJob(h.zbc, 'm25-t');
  expect(job.variables).toEqual({ v: 1 });
  await h.zbc.completeJob({ jobKey: job.key, variables: {} });
  await h.zbc.publishMessage({ name: 'start25', correlationKey: 'k', variables: {} });
  await h.zbc.publishMessage({ name: 'start25', correlationKey: 'k', variables: {} });
  const instances = await h.inspect<Array<{ state: string }>>(
    '/process-instances?bpmnProcessId=m25&state=ACTIVE',
  );
  expect(instances).toHaveLength(1);
});

test('26. numeric correlation key; missing variable → incident, then setVariables + resolve opens it', async () => {
  await h.zbc.deployResource({
    name: 'm26.bpmn',
    process: Buffer.from(
      bpmn(
        'm26',
        `${start()}${catchEvent('c', 'num')}${task('n', 'm26-next')}${end()}${chain('start', 'c', 'n', 'end')}`,
        msg('num'),
      ),
    ),
  });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'm26', variables: { orderId: 123 } });
  await h.zbc.publishMessage({ name: 'num', correlationKey: '123', variables: {} });
  await h.zbc.completeJob({ jobKey: (await nextJob(h.zbc, 'm26-next')).key, variables: {} });

  const pi = await h.zbc.createProcessInstance({ bpmnProcessId: 'm26', variables: {} });
  const incident = await waitFor(async () =>
    (await h.inspect<Incident[]>('/incidents')).find((i) => i.processInstanceKey === pi.processInstanceKey),
  );
  expect(incident.type).toBe('EXTRACT_VALUE_ERROR');
  expect(incident.message).toContain(
    "Failed to extract the correlation key for 'orderId': The value must be either a string or a number, but was 'NULL'.",
  );
  await h.zbc.setVariables({
    elementInstanceKey: pi.processInstanceKey,
    variables: { orderId: 'late' },
    local: false,
  });
  await h.zbc.resolveIncident({ incidentKey: incident.key });
  await h.zbc.publishMessage({ name: 'num', correlationKey: 'late', variables: {} });
  await h.zbc.completeJob({ jobKey: (await nextJob(h.zbc, 'm26-next')).key, variables: {} });
});

test('27. interrupting message boundary cancels the job; non-interrupting spawns a path per publish', async () => {
  const model = (id: string, interrupting: boolean) =>
    bpmn(
      id,
      `${start()}${task('a', `${id}-a`)}<bpmn:boundaryEvent id="mb" attachedToRef="a" cancelActivity="${interrupting}"><bpmn:messageEventDefinition messageRef="msg_poke" /></bpmn:boundaryEvent>
       ${task('side', `${id}-side`)}${end()}${end('x')}${chain('start', 'a', 'end')}${flow('s1', 'mb', 'side')}${flow('s2', 'side', 'x')}`,
      msg('poke'),
    );
  await h.zbc.deployResource({ name: 'm27i.bpmn', process: Buffer.from(model('m27i', true)) });
  await h.zbc.deployResource({ name: 'm27n.bpmn', process: Buffer.from(model('m27n', false)) });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'm27i', variables: { orderId: 'i' } });
  const job = await nextJob(h.zbc, 'm27i-a');
  await h.zbc.publishMessage({ name: 'poke', correlationKey: 'i', variables: {} });
  expect((await errorOf(h.zbc.completeJob({ jobKey: job.key, variables: {} }))).code).toBe(5);
  expect(await activate(h.zbc, 'm27i-side')).toHaveLength(1);

  await h.zbc.createProcessInstance({ bpmnProcessId: 'm27n', variables: { orderId: 'n' } });
  const task27 = await nextJob(h.zbc, 'm27n-a');
  await h.zbc.publishMessage({ name: 'poke', correlationKey: 'n', variables: {} });
  await h.zbc.publishMessage({ name: 'poke', correlationKey: 'n', variables: {} });
  expect(await activate(h.zbc, 'm27n-side')).toHaveLength(2);
  await h.zbc.completeJob({ jobKey: task27.key, variables: {} });
});

test('38. broadcastSignal starts a signal-start process and resumes a waiting catch', async () => {
  const signal = '<bpmn:signal id="sig" name="s" />';
  await h.zbc.deployResource({
    name: 's38a.bpmn',
    process: Buffer.from(
      bpmn(
        's38a',
        `<bpmn:startEvent id="ss"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:startEvent>${task('t', 's38-start')}${end()}${chain('ss', 't', 'end')}`,
        signal,
      ),
    ),
  });
  await h.zbc.deployResource({
    name: 's38b.bpmn',
    process: Buffer.from(
      bpmn(
        's38b',
        `${start()}<bpmn:intermediateCatchEvent id="c"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:intermediateCatchEvent>${task('t', 's38-catch')}${end()}${chain('start', 'c', 't', 'end')}`,
        signal,
      ),
    ),
  });
  await h.zbc.createProcessInstance({ bpmnProcessId: 's38b', variables: {} });
  await h.zbc.broadcastSignal({ signalName: 's', variables: { v: 1 } });
  expect((await nextJob(h.zbc, 's38-start')).variables).toEqual({ v: 1 });
  expect((await nextJob(h.zbc, 's38-catch')).variables).toEqual({ v: 1 });
});
