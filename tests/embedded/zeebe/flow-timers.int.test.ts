// Spec §5 scenarios 28–35 and 39: timers (controlled clock), gateways, multi-instance, call activities,
// user tasks, modification.
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

const timer = (kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string) =>
  `<bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;

test('28. event-based gateway: the timer wins without a message; a later publish has no effect', async () => {
  await h.zbc.deployResource({
    name: 'eg.bpmn',
    process: Buffer.from(
      bpmn(
        'eg',
        `${start()}<bpmn:eventBasedGateway id="g" />
         <bpmn:intermediateCatchEvent id="m"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:intermediateCatchEvent>
         <bpmn:intermediateCatchEvent id="t">${timer('timeDuration', 'PT2S')}</bpmn:intermediateCatchEvent>
         ${task('viaMessage', 'eg-message')}${task('viaTimer', 'eg-timer')}${end('e1')}${end('e2')}
         ${chain('start', 'g')}${flow('g1', 'g', 'm')}${flow('g2', 'g', 't')}${flow('g3', 'm', 'viaMessage')}${flow('g4', 't', 'viaTimer')}${flow('g5', 'viaMessage', 'e1')}${flow('g6', 'viaTimer', 'e2')}`,
        '<bpmn:message id="msg" name="eg-msg"><bpmn:extensionElements><zeebe:subscription correlationKey="=k" /></bpmn:extensionElements></bpmn:message>',
      ),
    ),
  });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'eg', variables: { k: 'a' } });
  await h.advance(1999);
  expect(await activate(h.zbc, 'eg-timer')).toEqual([]);
  await h.advance(1);
  expect(await activate(h.zbc, 'eg-timer')).toHaveLength(1);
  await h.zbc.publishMessage({ name: 'eg-msg', correlationKey: 'a', variables: {} });
  expect(await activate(h.zbc, 'eg-message')).toEqual([]);
});

test('29. timer catch PT1S; past date fires at once; non-interrupting R3/PT1S fires 3 times; interrupting PT1S cancels', async () => {
  await h.zbc.deployResource({
    name: 'tc.bpmn',
    process: Buffer.from(
      bpmn(
        'tc',
        `${start()}<bpmn:intermediateCatchEvent id="t">${timer('timeDuration', 'PT1S')}</bpmn:intermediateCatchEvent>${task('n', 'tc-next')}${end()}${chain('start', 't', 'n', 'end')}`,
      ),
    ),
  });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'tc', variables: {} });
  await h.advance(999);
  expect(await activate(h.zbc, 'tc-next')).toEqual([]);
  await h.advance(1);
  expect(await activate(h.zbc, 'tc-next')).toHaveLength(1);

  await h.zbc.deployResource({
    name: 'td.bpmn',
    process: Buffer.from(
      bpmn(
        'td',
        `${start()}<bpmn:intermediateCatchEvent id="t">${timer('timeDate', '2020-01-01T00:00:00Z')}</bpmn:intermediateCatchEvent>${task('n', 'td-next')}${end()}${chain('start', 't', 'n', 'end')}`,
      ),
    ),
  });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'td', variables: {} });
  await h.advance(0);
  expect(await activate(h.zbc, 'td-next')).toHaveLength(1);

  const withBoundary = (id: string, interrupting: boolean, spec: string) =>
    bpmn(
      id,
      `${start()}${task('a', `${id}-a`)}<bpmn:boundaryEvent id="b" attachedToRef="a" cancelActivity="${interrupting}">${spec}</bpmn:boundaryEvent>
       ${task('f', `${id}-follow`)}${end()}${end('x')}${chain('start', 'a', 'end')}${flow('b1', 'b', 'f')}${flow('b2', 'f', 'x')}`,
    );
  await h.zbc.deployResource({
    name: 'nb.bpmn',
    process: Buffer.from(withBoundary('nb', false, timer('timeCycle', 'R3/PT1S'))),
  });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'nb', variables: {} });
  for (let i = 0; i < 5; i++) await h.advance(1000);
  expect(await activate(h.zbc, 'nb-follow')).toHaveLength(3);
  await h.zbc.completeJob({ jobKey: (await nextJob(h.zbc, 'nb-a')).key, variables: {} });

  await h.zbc.deployResource({
    name: 'ib.bpmn',
    process: Buffer.from(withBoundary('ib', true, timer('timeDuration', 'PT1S'))),
  });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'ib', variables: {} });
  const job = await nextJob(h.zbc, 'ib-a');
  await h.advance(1000);
  expect((await errorOf(h.zbc.completeJob({ jobKey: job.key, variables: {} }))).code).toBe(5);
  expect(await activate(h.zbc, 'ib-follow')).toHaveLength(1);
});

test('30. timer start R2/PT1S creates 2 instances; a redeploy without the timer stops it', async () => {
  const withTimer = bpmn(
    'ts',
    `<bpmn:startEvent id="s">${timer('timeCycle', 'R2/PT1S')}</bpmn:startEvent>${end()}${chain('s', 'end')}`,
  );
  await h.zbc.deployResource({ name: 'ts.bpmn', process: Buffer.from(withTimer) });
  for (let i = 0; i < 3; i++) await h.advance(1000);
  expect(await h.inspect<unknown[]>('/process-instances?bpmnProcessId=ts')).toHaveLength(2);

  await h.zbc.deployResource({
    name: 'ts2.bpmn',
    process: Buffer.from(
      bpmn(
        'ts2',
        `<bpmn:startEvent id="s">${timer('timeCycle', 'R/PT1S')}</bpmn:startEvent>${end()}${chain('s', 'end')}`,
      ),
    ),
  });
  await h.advance(1000);
  await h.zbc.deployResource({
    name: 'ts2.bpmn',
    process: Buffer.from(bpmn('ts2', `${start()}${end()}${chain('start', 'end')}`)),
  });
  const count = (await h.inspect<unknown[]>('/process-instances?bpmnProcessId=ts2')).length;
  await h.advance(5000);
  expect(await h.inspect<unknown[]>('/process-instances?bpmnProcessId=ts2')).toHaveLength(count);
});

test('31. exclusive gateway: condition or default; missing variable → incident; setVariables + resolve', async () => {
  const gateway = (id: string, withDefault: boolean) =>
    bpmn(
      id,
      `${start()}<bpmn:exclusiveGateway id="g" ${withDefault ? 'default="low"' : ''} />${task('h', `${id}-high`)}${task('l', `${id}-low`)}${end('e1')}${end('e2')}
       ${chain('start', 'g')}${flow('high', 'g', 'h', '=amount &gt; 100')}${withDefault ? flow('low', 'g', 'l') : flow('low', 'g', 'l', '=amount &lt;= 100')}${flow('x1', 'h', 'e1')}${flow('x2', 'l', 'e2')}`,
    );
  await h.zbc.deployResource({ name: 'xg.bpmn', process: Buffer.from(gateway('xg', true)) });
  await h.zbc.createProcessInstance({ bpmnProcessId: 'xg', variables: { amount: 150 } });
  expect(await activate(h.zbc, 'xg-high')).toHaveLength(1);
  await h.zbc.createProcessInstance({ bpmnProcessId: 'xg', variables: { amount: 50 } });
  expect(await activate(h.zbc, 'xg-low')).toHaveLength(1);

  await h.zbc.deployResource({ name: 'xn.bpmn', process: Buffer.from(gateway('xn', false)) });
  const pi = await h.zbc.createProcessInstance({ bpmnProcessId: 'xn', variables: {} });
  const incident = (await h.inspect<Incident[]>('/incidents')).find(
    (i) => i.processInstanceKey === pi.processInstanceKey,
  );
  expect(incident?.message).toContain(
    "Expected result of the expression 'amount > 100' to be 'BOOLEAN', but was 'NULL'.",
  );
  await h.zbc.setVariables({
    elementInstanceKey: pi.processInstanceKey,
    variables: { amount: 200 },
    local: false,
  });
  await h.zbc.resolveIncident({ incidentKey: incident?.key as string });
  expect(await activate(h.zbc, 'xn-high')).toHaveLength(1);
});

test('32. parallel fork/join: one post-join job sees both branches', async () => {
  await h.deploy(
    'par',
    `${start()}<bpmn:parallelGateway id="fork" />${task('a', 'par-a')}${task('b', 'par-b')}<bpmn:parallelGateway id="join" />${task('after', 'par-after')}${end()}
     ${chain('start', 'fork')}${flow('p1', 'fork', 'a')}${flow('p2', 'fork', 'b')}${flow('p3', 'a', 'join')}${flow('p4', 'b', 'join')}${flow('p5', 'join', 'after')}${flow('p6', 'after', 'end')}`,
  );
  await h.zbc.createProcessInstance({ bpmnProcessId: 'par', variables: {} });
  await h.zbc.completeJob({ jobKey: (await nextJob(h.zbc, 'par-a')).key, variables: { x: 1 } });
  expect(await activate(h.zbc, 'par-after')).toEqual([]);
  await h.zbc.completeJob({ jobKey: (await nextJob(h.zbc, 'par-b')).key, variables: { y: 2 } });
  const after = await activate(h.zbc, 'par-after');
  expect(after).toHaveLength(1);
  expect(after[0]?.variables).toEqual({ x: 1, y: 2 });
});

test('33. parallel multi-instance: results in item order; local item and loopCounter; empty list skips', async () => {
  await h.deploy(
    'mi',
    `${start()}${task('a', 'mi-a', '', '').replace(
      '</bpmn:serviceTask>',
      '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="item" outputCollection="results" outputElement="=r" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:serviceTask>',
    )}${task('b', 'mi-after')}${end()}${chain('start', 'a', 'b', 'end')}`,
  );
  await h.zbc.createProcessInstance({ bpmnProcessId: 'mi', variables: { items: ['a', 'b', 'c'] } });
  const jobs = await activate(h.zbc, 'mi-a');
  expect(jobs.map((j) => [j.variables.item, j.variables.loopCounter])).toEqual([
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ]);
  for (const index of [2, 0, 1]) {
    const job = jobs[index];
    await h.zbc.completeJob({
      jobKey: job?.key as string,
      variables: { r: String(job?.variables.item).toUpperCase() },
    });
  }
  const after = await nextJob(h.zbc, 'mi-after');
  expect(after.variables.results).toEqual(['A', 'B', 'C']);
  await h.zbc.createProcessInstance({ bpmnProcessId: 'mi', variables: { items: [] } });
  const empty = await nextJob(h.zbc, 'mi-after');
  expect(empty.variables.results).toEqual([]);
  expect(await activate(h.zbc, 'mi-a')).toEqual([]);
});

test('34. call activity: child sees parent variables, parent sees child results; flag false; cancel child is 9', async () => {
  await h.deploy('child34', `${start()}${task('t', 'child34-t')}${end()}${chain('start', 't', 'end')}`);
  const parent = (id: string, propagate: boolean) =>
    `${start()}<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child34" propagateAllChildVariables="${propagate}" /></bpmn:extensionElements></bpmn:callActivity>${task('after', `${id}-after`)}${end()}${chain('start', 'call', 'after', 'end')}`;
  await h.deploy('p34', parent('p34', true));
  await h.deploy('q34', parent('q34', false));
  await h.zbc.createProcessInstance({ bpmnProcessId: 'p34', variables: { p: 1 } });
  const child = await nextJob(h.zbc, 'child34-t');
  expect(child.variables).toEqual({ p: 1 });
  const cancel = await errorOf(h.zbc.cancelProcessInstance(child.processInstanceKey));
  expect(cancel.code).toBe(9);
  await h.zbc.completeJob({ jobKey: child.key, variables: { c: 1 } });
  expect((await nextJob(h.zbc, 'p34-after')).variables).toEqual({ p: 1, c: 1 });

  await h.zbc.createProcessInstance({ bpmnProcessId: 'q34', variables: { p: 1 } });
  await h.zbc.completeJob({ jobKey: (await nextJob(h.zbc, 'child34-t')).key, variables: { c: 1 } });
  expect((await nextJob(h.zbc, 'q34-after')).variables).toEqual({ p: 1 });
});

test('35. user task: job type, retries 1, assignee, candidate groups list, embedded form key', async () => {
  await h.zbc.deployResource({
    name: 'ut.bpmn',
    process: Buffer.from(
      bpmn(
        'ut',
        `${start()}<bpmn:userTask id="review"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="demo" candidateGroups="sales, ops" /><zeebe:formDefinition formKey="camunda-forms:bpmn:form1" /></bpmn:extensionElements></bpmn:userTask>${end()}${chain('start', 'review', 'end')}`,
      ).replace(
        '<bpmn:process id="ut" isExecutable="true">',
        '<bpmn:process id="ut" isExecutable="true"><bpmn:extensionElements><zeebe:userTaskForm id="form1">{}</zeebe:userTaskForm></bpmn:extensionElements>',
      ),
    ),
  });
  const pi = await h.zbc.createProcessInstance({ bpmnProcessId: 'ut', variables: {} });
  const job = await nextJob(h.zbc, 'io.camunda.zeebe:userTask');
  expect(job.retries).toBe(1);
  expect(job.customHeaders).toEqual({
    'io.camunda.zeebe:assignee': 'demo',
    'io.camunda.zeebe:candidateGroups': '["sales","ops"]',
    'io.camunda.zeebe:formKey': 'camunda-forms:bpmn:form1',
  });
  await h.zbc.completeJob({ jobKey: job.key, variables: { decision: 'approve' } });
  const view = await h.inspect<{ state: string }>(`/process-instances/${pi.processInstanceKey}`);
  expect(view.state).toBe('COMPLETED');
});

test('39. modify: terminate the waiting catch, activate task C with z=1; the catch no longer reacts', async () => {
  await h.zbc.deployResource({
    name: 'mod.bpmn',
    process: Buffer.from(
      bpmn(
        'mod',
        `${start()}<bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="mm" /></bpmn:intermediateCatchEvent>${task('C', 'mod-c')}${end()}${chain('start', 'wait', 'C', 'end')}`,
        '<bpmn:message id="mm" name="mod-msg"><bpmn:extensionElements><zeebe:subscription correlationKey="=k" /></bpmn:extensionElements></bpmn:message>',
      ),
    ),
  });
  const pi = await h.zbc.createProcessInstance({ bpmnProcessId: 'mod', variables: { k: 'm' } });
  const view = await h.inspect<{
    elementInstances: Array<{ key: string; elementId: string; state: string }>;
  }>(`/process-instances/${pi.processInstanceKey}`);
  const wait = view.elementInstances.find((e) => e.elementId === 'wait' && e.state === 'ACTIVE');
  await h.zbc.modifyProcessInstance({
    processInstanceKey: pi.processInstanceKey,
    activateInstructions: [
      {
        elementId: 'C',
        ancestorElementInstanceKey: '-1',
        variableInstructions: [{ variables: { z: 1 }, scopeId: '' }],
      },
    ],
    terminateInstructions: [{ elementInstanceKey: wait?.key as string }],
  } as never);
  const job = await nextJob(h.zbc, 'mod-c');
  expect(job.variables.z).toBe(1);
  await h.zbc.publishMessage({ name: 'mod-msg', correlationKey: 'm', variables: {} });
  expect(await activate(h.zbc, 'mod-c')).toEqual([]);
});
