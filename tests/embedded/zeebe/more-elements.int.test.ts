// Elements beyond the numbered scenarios: sequential multi-instance with a completion condition, inclusive
// gateway fork, script task, terminate end event, subprocess-local variables.
import { activate, chain, end, flow, nextJob, start, useHarness, task } from './support';

const h = useHarness();

test('sequential multi-instance runs one at a time and stops on its completion condition', async () => {
  await h.deploy(
    'seq',
    `${start()}${task('a', 'seq-a').replace(
      '</bpmn:serviceTask>',
      '<bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2,3,4]" inputElement="n" outputCollection="out" outputElement="=n * 10" /></bpmn:extensionElements><bpmn:completionCondition xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">=numberOfCompletedInstances &gt;= 2</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics></bpmn:serviceTask>',
    )}${task('b', 'seq-after')}${end()}${chain('start', 'a', 'b', 'end')}`,
  );
  await h.zbc.createProcessInstance({ bpmnProcessId: 'seq', variables: {} });
  const first = await activate(h.zbc, 'seq-a');
  expect(first.map((j) => j.variables.n)).toEqual([1]);
  await h.zbc.completeJob({ jobKey: first[0]?.key as string, variables: {} });
  const second = await activate(h.zbc, 'seq-a');
  expect(second.map((j) => j.variables.n)).toEqual([2]);
  await h.zbc.completeJob({ jobKey: second[0]?.key as string, variables: {} });
  const after = await nextJob(h.zbc, 'seq-after');
  expect(after.variables.out).toEqual([10, 20, null, null]);
  expect(await activate(h.zbc, 'seq-a')).toEqual([]);
});

test('inclusive gateway forks every true branch; script task writes its result variable', async () => {
  await h.deploy(
    'incl',
    `${start()}<bpmn:scriptTask id="calc"><bpmn:extensionElements><zeebe:script expression="=amount * 2" resultVariable="doubled" /></bpmn:extensionElements></bpmn:scriptTask>
     <bpmn:inclusiveGateway id="g" default="none" />${task('x', 'incl-x')}${task('y', 'incl-y')}${task('z', 'incl-z')}${end('e1')}${end('e2')}${end('e3')}
     ${chain('start', 'calc', 'g')}${flow('fx', 'g', 'x', '=doubled &gt; 10')}${flow('fy', 'g', 'y', '=doubled &gt; 15')}${flow('none', 'g', 'z')}
     ${flow('x1', 'x', 'e1')}${flow('y1', 'y', 'e2')}${flow('z1', 'z', 'e3')}`,
  );
  await h.zbc.createProcessInstance({ bpmnProcessId: 'incl', variables: { amount: 10 } });
  const x = await activate(h.zbc, 'incl-x');
  const y = await activate(h.zbc, 'incl-y');
  expect(x).toHaveLength(1);
  expect(y).toHaveLength(1);
  expect(x[0]?.variables.doubled).toBe(20);
  expect(await activate(h.zbc, 'incl-z')).toEqual([]);
});

test('terminate end event ends the process with other branches still running', async () => {
  await h.deploy(
    'term',
    `${start()}<bpmn:parallelGateway id="fork" />${task('slow', 'term-slow')}${task('fast', 'term-fast')}<bpmn:endEvent id="kill"><bpmn:terminateEventDefinition /></bpmn:endEvent>${end()}
     ${chain('start', 'fork')}${flow('p1', 'fork', 'slow')}${flow('p2', 'fork', 'fast')}${flow('p3', 'fast', 'kill')}${flow('p4', 'slow', 'end')}`,
  );
  const pi = await h.zbc.createProcessInstance({ bpmnProcessId: 'term', variables: {} });
  const slow = await nextJob(h.zbc, 'term-slow');
  await h.zbc.completeJob({ jobKey: (await nextJob(h.zbc, 'term-fast')).key, variables: {} });
  const view = await h.inspect<{
    state: string;
    elementInstances: Array<{ elementId: string; state: string }>;
  }>(`/process-instances/${pi.processInstanceKey}`);
  expect(view.state).toBe('COMPLETED');
  expect(view.elementInstances.find((e) => e.elementId === 'slow')?.state).toBe('TERMINATED');
  await expect(h.zbc.completeJob({ jobKey: slow.key, variables: {} })).rejects.toMatchObject({ code: 5 });
});

test('subprocess input-mapped locals die with the subprocess', async () => {
  await h.deploy(
    'scope',
    `${start()}<bpmn:subProcess id="sp"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=1" target="local" /></zeebe:ioMapping></bpmn:extensionElements>
       ${start('s2')}${task('inner', 'scope-inner')}${end('e2')}${flow('i1', 's2', 'inner')}${flow('i2', 'inner', 'e2')}</bpmn:subProcess>
     ${task('after', 'scope-after')}${end()}${chain('start', 'sp', 'after', 'end')}`,
  );
  await h.zbc.createProcessInstance({ bpmnProcessId: 'scope', variables: {} });
  const inner = await nextJob(h.zbc, 'scope-inner');
  expect(inner.variables).toEqual({ local: 1 });
  await h.zbc.completeJob({ jobKey: inner.key, variables: { local: 2, global: 3 } });
  const after = await nextJob(h.zbc, 'scope-after');
  expect(after.variables).toEqual({ global: 3 });
});
