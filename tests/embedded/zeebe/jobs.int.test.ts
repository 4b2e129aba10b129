// Spec §5 scenarios 6–17, 36, 37 and 41: job activation, variables, mappings, long polling, timeouts,
// failures, incidents, retries, with-result calls and variable updates.
import { ZBClient } from 'zeebe-node';
import { activate, chain, end, errorOf, nextJob, start, task, useHarness, type Incident } from './support';

const h = useHarness((h) =>
  h.deploy(
    'two',
    `${start()}${task('a', 'two-a', '<zeebe:taskHeaders><zeebe:header key="h" value="v" /></zeebe:taskHeaders>')}${task('b', 'two-b')}${end()}${chain('start', 'a', 'b', 'end')}`,
  ),
);

async function incidentsOf(processInstanceKey: string): Promise<Incident[]> {
  const all = await h.inspect<Incident[]>('/incidents');
  return all.filter((i) => i.processInstanceKey === processInstanceKey);
}

test('6. job variables, custom headers, retries 3, string keys, deadline; fetchVariable subset', async () => {
  const before = await h.inspect<{ now: number }>('/clock');
  await h.zbc.createProcessInstance({ bpmnProcessId: 'two', variables: { a: 1, b: 2 } });
  const [job] = await activate(h.zbc, 'two-a', { timeout: 30000, fetchVariable: ['a'] });
  expect(job?.variables).toEqual({ a: 1 });
  expect(job?.customHeaders).toEqual({ h: 'v' });
  expect(job?.retries).toBe(3);
  expect(typeof job?.key).toBe('string');
  expect(Number(job?.deadline)).toBe(before.now + 30000);
  await h.zbc.completeJob({ jobKey: job?.key as string, variables: {} });
  const next = await nextJob(h.zbc, 'two-b');
  await h.zbc.completeJob({ jobKey: next.key, variables: {} });
});

test('7. completion variables reach the next job and the with-result answer (fetchVariables subset)', async () => {
  const worker = h.zbc.createWorker({ taskType: 'two-a', taskHandler: (job) => job.complete({ b: 2 }) });
  const workerB = h.zbc.createWorker({
    taskType: 'two-b',
    taskHandler: (job) => {
      expect(job.variables).toEqual({ a: 1, b: 2 });
      return job.complete();
    },
  });
  const all = await h.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'two', variables: { a: 1 } });
  expect(all.variables).toEqual({ a: 1, b: 2 });
  const some = await h.zbc.createProcessInstanceWithResult({
    bpmnProcessId: 'two',
    variables: { a: 1 },
    fetchVariables: ['b'],
  });
  expect(some.variables).toEqual({ b: 2 });
  await worker.close();
  await workerB.close();
});

test('8. an input-mapping target is task-local: completing {x:5} does not reach the next job', async () => {
  await h.deploy(
    'inmap',
    `${start()}${task('a', 'inmap-a', '<zeebe:ioMapping><zeebe:input source="=1" target="x" /></zeebe:ioMapping>')}${task('b', 'inmap-b')}${end()}${chain('start', 'a', 'b', 'end')}`,
  );
  await h.zbc.createProcessInstance({ bpmnProcessId: 'inmap', variables: {} });
  const a = await nextJob(h.zbc, 'inmap-a');
  expect(a.variables).toEqual({ x: 1 });
  await h.zbc.completeJob({ jobKey: a.key, variables: { x: 5 } });
  const b = await nextJob(h.zbc, 'inmap-b');
  expect(b.variables).not.toHaveProperty('x');
});

test('9. output mapping: only mapped results propagate', async () => {
  await h.deploy(
    'outmap',
    `${start()}${task('a', 'outmap-a', '<zeebe:ioMapping><zeebe:output source="=result" target="out" /></zeebe:ioMapping>')}${task('b', 'outmap-b')}${end()}${chain('start', 'a', 'b', 'end')}`,
  );
  await h.zbc.createProcessInstance({ bpmnProcessId: 'outmap', variables: {} });
  const a = await nextJob(h.zbc, 'outmap-a');
  await h.zbc.completeJob({ jobKey: a.key, variables: { result: 1, other: 2 } });
  const b = await nextJob(h.zbc, 'outmap-b');
  expect(b.variables).toEqual({ out: 1 });
});

test('10. a long-polling worker is served as soon as a job is created', async () => {
  await h.deploy('lp', `${start()}${task('a', 'lp-a')}${end()}${chain('start', 'a', 'end')}`);
  let resolveHandled: (value: Record<string, unknown>) => void = () => undefined;
  const handled = new Promise<Record<string, unknown>>((resolve) => (resolveHandled = resolve));
  const worker = h.zbc.createWorker({
    taskType: 'lp-a',
    longPoll: 30000,
    taskHandler: (job) => {
      resolveHandled(job.variables);
      return job.complete();
    },
  });
  await new Promise((r) => setTimeout(r, 500));
  await h.zbc.createProcessInstance({ bpmnProcessId: 'lp', variables: { late: true } });
  await expect(handled).resolves.toEqual({ late: true });
  await worker.close();
});

test('11. raw ActivateJobs with no jobs: requestTimeout 1000 ends OK without a message; -1 ends at once', async () => {
  const grpc = (
    h.zbc as unknown as { grpc: { activateJobsStream(req: unknown): Promise<NodeJS.EventEmitter> } }
  ).grpc;
  const run = async (requestTimeout: number) => {
    const stream = await grpc.activateJobsStream({
      type: 'nobody',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      fetchVariable: [],
      requestTimeout,
      tenantIds: [],
    });
    let messages = 0;
    stream.on('data', () => messages++);
    await new Promise<void>((resolve, reject) => {
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
    return messages;
  };
  expect(await run(1000)).toBe(0);
  expect(await run(-1)).toBe(0);
});

test('12. maxJobsToActivate 2 of 5: one response with the 2 oldest, the next call gets the next 2', async () => {
  await h.deploy('five', `${start()}${task('a', 'five-a')}${end()}${chain('start', 'a', 'end')}`);
  const keys: string[] = [];
  for (let i = 0; i < 5; i++) {
    const pi = await h.zbc.createProcessInstance({ bpmnProcessId: 'five', variables: { i } });
    keys.push(pi.processInstanceKey);
  }
  const first = await activate(h.zbc, 'five-a', { max: 2 });
  expect(first.map((j) => j.variables.i)).toEqual([0, 1]);
  const second = await activate(h.zbc, 'five-a', { max: 2 });
  expect(second.map((j) => j.variables.i)).toEqual([2, 3]);
  for (const key of keys) await h.zbc.cancelProcessInstance(key);
});

test('13. an activation past its deadline is re-delivered with the same retries; the old key still completes', async () => {
  await h.deploy('tmo', `${start()}${task('a', 'tmo-a')}${end()}${chain('start', 'a', 'end')}`);
  await h.zbc.createProcessInstance({ bpmnProcessId: 'tmo', variables: {} });
  const [job] = await activate(h.zbc, 'tmo-a', { timeout: 1000 });
  expect(await activate(h.zbc, 'tmo-a')).toEqual([]);
  await h.advance(1001);
  const [again] = await activate(h.zbc, 'tmo-a');
  expect(again?.key).toBe(job?.key);
  expect(again?.retries).toBe(job?.retries);
  await h.zbc.completeJob({ jobKey: job?.key as string, variables: {} });
});

test('14. fail with retries 2 and back-off 2000: not re-delivered before the back-off, then retries 2', async () => {
  await h.deploy('bo', `${start()}${task('a', 'bo-a')}${end()}${chain('start', 'a', 'end')}`);
  await h.zbc.createProcessInstance({ bpmnProcessId: 'bo', variables: {} });
  const job = await nextJob(h.zbc, 'bo-a');
  await h.zbc.failJob({ jobKey: job.key, errorMessage: 'later', retries: 2, retryBackOff: 2000 });
  await h.advance(1999);
  expect(await activate(h.zbc, 'bo-a')).toEqual([]);
  await h.advance(1);
  const [again] = await activate(h.zbc, 'bo-a');
  expect(again?.retries).toBe(2);
  await h.zbc.completeJob({ jobKey: again?.key as string, variables: {} });
});

test('15–16. fail without retries → incident; complete is FAILED; resolve needs retries; then re-delivered', async () => {
  await h.deploy('inc', `${start()}${task('a', 'inc-a')}${end()}${chain('start', 'a', 'end')}`);
  const pi = await h.zbc.createProcessInstance({ bpmnProcessId: 'inc', variables: {} });
  const worker = h.zbc.createWorker({
    taskType: 'inc-a',
    taskHandler: (job) => job.fail({ errorMessage: 'boom' }),
  });
  let incidents: Incident[] = [];
  for (let i = 0; i < 100 && incidents.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 20));
    incidents = await incidentsOf(pi.processInstanceKey);
  }
  await worker.close();
  const incident = incidents[0] as Incident;
  expect(incident).toMatchObject({ type: 'JOB_NO_RETRIES', message: 'boom' });
  const complete = await errorOf(h.zbc.completeJob({ jobKey: incident.jobKey as string, variables: {} }));
  expect(complete.code).toBe(9);
  expect(complete.message).toContain("in state 'FAILED'");
  const resolve = await errorOf(h.zbc.resolveIncident({ incidentKey: incident.key }));
  expect(resolve.code).toBe(5);
  expect(resolve.message).toContain('no retries left');
  await h.zbc.updateJobRetries({ jobKey: incident.jobKey as string, retries: 1 });
  await h.zbc.resolveIncident({ incidentKey: incident.key });
  const [again] = await activate(h.zbc, 'inc-a');
  expect(again?.retries).toBe(1);
  expect(again?.key).toBe(incident.jobKey);
  await h.zbc.completeJob({ jobKey: again?.key as string, variables: {} });
});

test('17. a throwing handler fails with retries−1; retries 0 is invalid; unknown job is NOT_FOUND', async () => {
  await h.deploy('throws', `${start()}${task('a', 'throws-a')}${end()}${chain('start', 'a', 'end')}`);
  await h.zbc.createProcessInstance({ bpmnProcessId: 'throws', variables: {} });
  let calls = 0;
  let failedWith: number | undefined;
  const done = new Promise<void>((resolve) => {
    const worker = h.zbc.createWorker({
      taskType: 'throws-a',
      taskHandler: (job) => {
        calls++;
        if (calls === 1) throw new Error('handler bug');
        failedWith = job.retries;
        void worker.close().then(() => resolve());
        return job.complete();
      },
    });
  });
  await done;
  expect(failedWith).toBe(2);
  const zero = await errorOf(h.zbc.updateJobRetries({ jobKey: '2251799813685249', retries: 0 }));
  expect([3, 5]).toContain(zero.code);
  const job = await (async () => {
    await h.zbc.createProcessInstance({ bpmnProcessId: 'throws', variables: {} });
    return nextJob(h.zbc, 'throws-a');
  })();
  const invalid = await errorOf(h.zbc.updateJobRetries({ jobKey: job.key, retries: 0 }));
  expect(invalid.code).toBe(3);
  const unknownUpdate = await errorOf(h.zbc.updateJobRetries({ jobKey: '2251799813685248', retries: 1 }));
  expect(unknownUpdate.code).toBe(5);
  expect(unknownUpdate.message).toContain('no such job was found');
  const unknownComplete = await errorOf(h.zbc.completeJob({ jobKey: '2251799813685248', variables: {} }));
  expect(unknownComplete.code).toBe(5);
  expect(unknownComplete.message).toContain('no such job was found');
  await h.zbc.completeJob({ jobKey: job.key, variables: {} });
});

test('36. with-result call times out with code 4, also when the instance is cancelled meanwhile', async () => {
  await h.deploy('slow', `${start()}${task('a', 'slow-a')}${end()}${chain('start', 'a', 'end')}`);
  const timedOut = await errorOf(
    h.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'slow', variables: {}, requestTimeout: 1000 }),
  );
  expect(timedOut.code).toBe(4);
  const pending = errorOf(
    h.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'slow', variables: {}, requestTimeout: 1000 }),
  );
  const job = await nextJob(h.zbc, 'slow-a');
  await h.zbc.cancelProcessInstance(job.processInstanceKey);
  expect((await pending).code).toBe(4);
});

test('37. setVariables propagates to the root holder, local stays on the task, unknown key is NOT_FOUND; cancel ends jobs', async () => {
  await h.deploy('setv', `${start()}${task('a', 'setv-a')}${end()}${chain('start', 'a', 'end')}`);
  const pi = await h.zbc.createProcessInstance({ bpmnProcessId: 'setv', variables: { a: 1 } });
  const job = await nextJob(h.zbc, 'setv-a');
  await h.zbc.setVariables({ elementInstanceKey: job.elementInstanceKey, variables: { a: 9 }, local: false });
  await h.zbc.setVariables({ elementInstanceKey: job.elementInstanceKey, variables: { t: 1 }, local: true });
  const view = await h.inspect<{
    variables: Array<{ scopeKey: string; variables: Record<string, unknown> }>;
  }>(`/process-instances/${pi.processInstanceKey}`);
  const root = view.variables.find((v) => v.scopeKey === pi.processInstanceKey);
  const local = view.variables.find((v) => v.scopeKey === job.elementInstanceKey);
  expect(root?.variables).toEqual({ a: 9 });
  expect(local?.variables).toEqual({ t: 1 });
  const unknown = await errorOf(
    h.zbc.setVariables({ elementInstanceKey: '2251799813685248', variables: { a: 1 }, local: false }),
  );
  expect(unknown.code).toBe(5);
  await h.zbc.cancelProcessInstance(pi.processInstanceKey);
  const afterCancel = await errorOf(h.zbc.completeJob({ jobKey: job.key, variables: {} }));
  expect(afterCancel.code).toBe(5);
  const again = await errorOf(h.zbc.cancelProcessInstance(pi.processInstanceKey));
  expect(again.code).toBe(5);
});

test('41. a worker with maxJobsToActivate 4 never holds more than 4 of 10 jobs', async () => {
  await h.deploy('ten', `${start()}${task('a', 'ten-a')}${end()}${chain('start', 'a', 'end')}`);
  for (let i = 0; i < 10; i++) await h.zbc.createProcessInstance({ bpmnProcessId: 'ten', variables: { i } });
  let held = 0;
  let maxHeld = 0;
  let completed = 0;
  await new Promise<void>((resolve) => {
    const worker = h.zbc.createWorker({
      taskType: 'ten-a',
      maxJobsToActivate: 4,
      taskHandler: async (job) => {
        held++;
        maxHeld = Math.max(maxHeld, held);
        await new Promise((r) => setTimeout(r, 20));
        held--;
        const ack = await job.complete();
        if (++completed === 10) void worker.close().then(() => resolve());
        return ack;
      },
    });
  });
  expect(maxHeld).toBeLessThanOrEqual(4);
  expect(completed).toBe(10);
});

test('FailJob with empty variables string is accepted (zeebe-node default)', async () => {
  await h.deploy('failv', `${start()}${task('a', 'failv-a')}${end()}${chain('start', 'a', 'end')}`);
  await h.zbc.createProcessInstance({ bpmnProcessId: 'failv', variables: {} });
  const job = await nextJob(h.zbc, 'failv-a');
  const client = new ZBClient(h.engine.address, { usePlainText: true, loglevel: 'NONE' } as never);
  await client.failJob({ jobKey: job.key, errorMessage: 'again', retries: 1, retryBackOff: 0 });
  await client.close();
  const again = await nextJob(h.zbc, 'failv-a');
  expect(again.retries).toBe(1);
});
