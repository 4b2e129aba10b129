// StreamActivatedJobs through @camunda8/sdk (issue 22): jobs pushed with no ActivateJobs, round-robin across
// streams with each stream's worker/timeout/fetchVariable, closed streams left out, bad requests refused, and a
// worker that keeps being pushed jobs across an engine restart on the same data dir and port.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEngine } from '../../../embedded/zeebe';
import { camunda8Client } from './client-adapters';
import { eventually, openStream, reopeningStream } from './stream-clients';
import { advanceClock, inspectionOf } from './inspect-client';
import { bpmn, chain, end, errorOf, start, task, useHarness, type RawJob } from './support';

const h = useHarness();
let zbc: ReturnType<typeof camunda8Client>;

beforeAll(async () => {
  zbc = camunda8Client(h.engine.address);
  for (const id of ['push', 'rr', 'gone', 'broke']) {
    await h.deploy(id, `${start()}${task('a', `${id}-a`)}${end()}${chain('start', 'a', 'end')}`);
  }
});
afterAll(() => zbc.close());

const calls = (name: string): number => h.engine.gatewayStats().calls[name] ?? 0;

test('a streamJobs worker is pushed every new job: its only ActivateJobs is the backfill poll at start', async () => {
  const before = await h.zbc.createProcessInstance({ bpmnProcessId: 'push', variables: { n: 0 } });
  const seen: Array<{ n: unknown; worker: string }> = [];
  const pollsBefore = calls('ActivateJobs');
  const pushedBefore = h.engine.gatewayStats().pushedJobs;
  const worker = await zbc.streamJobs({
    type: 'push-a',
    worker: 'stream-worker',
    timeout: 30000,
    tenantIds: [],
    pollInterval: 0,
    taskHandler: (job) => {
      seen.push({ n: (job.variables as { n: unknown }).n, worker: job.worker });
      return job.complete({ done: true });
    },
  });
  // The sdk opens the stream, then polls once for jobs made before it (Zeebe pushes only new ones).
  expect(calls('ActivateJobs')).toBe(pollsBefore + 1);
  await eventually(() => seen.length === 1, 'the backfilled job');
  expect(seen[0]?.n).toBe(0);
  expect(before.processInstanceKey).toMatch(/^\d+$/);

  const results = await Promise.all(
    [1, 2, 3, 4, 5].map((n) =>
      h.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'push', variables: { n } }),
    ),
  );
  expect(results.map((r) => r.variables)).toEqual([1, 2, 3, 4, 5].map((n) => ({ n, done: true })));
  expect(seen.slice(1).map((s) => s.n)).toEqual([1, 2, 3, 4, 5]);
  expect(seen.every((s) => s.worker === 'stream-worker')).toBe(true);
  expect(calls('ActivateJobs')).toBe(pollsBefore + 1);
  expect(h.engine.gatewayStats().pushedJobs).toBe(pushedBefore + 5);
  worker.close();
});

test('jobs go round-robin to the open streams, each with its worker, timeout and fetched variables', async () => {
  const clock = await h.inspect<{ now: number }>('/clock');
  const a = await openStream(zbc, {
    type: 'rr-a',
    worker: 'quay-1',
    timeout: 10000,
    fetchVariable: ['x'],
  });
  const b = await openStream(zbc, { type: 'rr-a', worker: 'quay-2', timeout: 20000 });
  await eventually(() => calls('StreamActivatedJobs') >= 3, 'both streams at the engine');
  for (const i of [1, 2, 3, 4]) {
    await h.zbc.createProcessInstance({ bpmnProcessId: 'rr', variables: { x: i, y: 'y' } });
  }
  await eventually(() => a.jobs.length + b.jobs.length === 4, 'four pushed jobs');
  // In turn: one stream has the 1st and 3rd jobs, the other the 2nd and 4th (which goes first is open).
  const xs = (jobs: RawJob[]) => jobs.map((j) => Number(j.variables.x));
  expect([xs(a.jobs), xs(b.jobs)].sort()).toEqual([
    [1, 3],
    [2, 4],
  ]);
  expect(a.jobs.every((j) => Object.keys(j.variables).join() === 'x')).toBe(true);
  expect(b.jobs.every((j) => j.variables.y === 'y')).toBe(true);
  expect(a.jobs.map((j) => (j as RawJob & { worker: string }).worker)).toEqual(['quay-1', 'quay-1']);
  expect(b.jobs.map((j) => (j as RawJob & { worker: string }).worker)).toEqual(['quay-2', 'quay-2']);
  expect(Number(a.jobs[0]?.deadline)).toBe(clock.now + 10000);
  expect(Number(b.jobs[0]?.deadline)).toBe(clock.now + 20000);
  // Pushed means activated: a poll finds none of them.
  expect(
    await zbc.activateJobs({
      type: 'rr-a',
      worker: 'poll',
      timeout: 1000,
      maxJobsToActivate: 10,
      requestTimeout: -1,
    }),
  ).toEqual([]);
  for (const job of [...a.jobs, ...b.jobs]) await h.zbc.completeJob({ jobKey: job.key, variables: {} });
  a.cancel();
  b.cancel();
  expect(await a.ended).toBeInstanceOf(Error);
});

test('a stream the worker closed gets nothing more: new jobs wait for a poll', async () => {
  const s = await openStream(zbc, { type: 'gone-a', worker: 'w', timeout: 10000 });
  await eventually(() => calls('StreamActivatedJobs') >= 4, 'the stream at the engine');
  s.cancel();
  await s.ended;
  await new Promise((r) => setTimeout(r, 50));
  const pushed = h.engine.gatewayStats().pushedJobs;
  await h.zbc.createProcessInstance({ bpmnProcessId: 'gone', variables: {} });
  const jobs = await zbc.activateJobs({
    type: 'gone-a',
    worker: 'poll',
    timeout: 1000,
    maxJobsToActivate: 10,
    requestTimeout: -1,
  });
  expect(jobs).toHaveLength(1);
  expect(s.jobs).toEqual([]);
  expect(h.engine.gatewayStats().pushedJobs).toBe(pushed);
});

test('a job pushed to a stream that broke is not lost: yielded back at once, or activatable after the stream timeout', async () => {
  const s = await openStream(zbc, { type: 'broke-a', worker: 'w', timeout: 30000 });
  await eventually(() => calls('StreamActivatedJobs') >= 5, 'the stream at the engine');
  const pushed = h.engine.gatewayStats().pushedJobs;
  // The client goes away in the same turn as the job is created in-process: the engine still has the stream,
  // pushes the job to it, and learns of the cancel while the activation is made durable (or after the write).
  s.cancel();
  h.engine.runtime.execute({
    type: 'create',
    bpmnProcessId: 'broke',
    version: -1,
    processDefinitionKey: 0,
    variables: { lost: false },
    startElementIds: [],
  });
  await h.engine.runtime.durable();
  await eventually(() => h.engine.gatewayStats().pushedJobs === pushed + 1, 'the push to the broken stream');
  await new Promise((r) => setTimeout(r, 50));
  let [job] = await zbc.activateJobs({
    type: 'broke-a',
    worker: 'poll',
    timeout: 1000,
    maxJobsToActivate: 1,
    requestTimeout: -1,
  });
  if (!job) {
    await h.advance(30000);
    [job] = await zbc.activateJobs({
      type: 'broke-a',
      worker: 'poll',
      timeout: 1000,
      maxJobsToActivate: 1,
      requestTimeout: -1,
    });
  }
  expect(job?.variables).toEqual({ lost: false });
  expect(s.jobs).toEqual([]);
  await zbc.completeJob({ jobKey: job?.key as string, variables: {} });
});

test('a stream request with a blank type, no timeout or another tenant is refused naming the field', async () => {
  const blank = await openStream(zbc, { type: ' ', worker: 'w', timeout: 1000 });
  expect(String(await blank.ended)).toMatch(/INVALID_ARGUMENT.*type to be present/);
  const noTimeout = await openStream(zbc, { type: 'x', worker: 'w', timeout: 0 });
  expect(String(await noTimeout.ended)).toMatch(/timeout to be greater than zero, but it was '0'/);
  const grpc = await (
    zbc as unknown as {
      grpc: Promise<{ streamActivatedJobsStream(r: unknown): Promise<NodeJS.EventEmitter> }>;
    }
  ).grpc;
  const tenant = await grpc.streamActivatedJobsStream({
    type: 'x',
    worker: 'w',
    timeout: 1000,
    tenantIds: ['tinh-khac'],
  });
  const error = await new Promise<Error>((resolve) => tenant.on('error', resolve));
  expect(error.message).toMatch(/tenant identifiers \[tinh-khac\].*multi-tenancy is disabled/);
});

test('across an engine restart on the same data dir and port, a reopening stream keeps being pushed jobs', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'engine-stream-restart-'));
  let engine = await startEngine({ port: 0, inspectPort: 0, dataDir, clock: 'controlled' });
  const port = engine.port;
  const client = camunda8Client(engine.address);
  const seen: RawJob[] = [];
  const worker = reopeningStream(client, { type: 'rs-a', worker: 'w', timeout: 60000 }, (job) =>
    seen.push(job),
  );
  try {
    await client.deployResource({
      name: 'rs.bpmn',
      process: Buffer.from(bpmn('rs', `${start()}${task('a', 'rs-a')}${end()}${chain('start', 'a', 'end')}`)),
    });
    await eventually(() => (engine.gatewayStats().calls.StreamActivatedJobs ?? 0) === 1, 'the stream');
    await client.createProcessInstance({ bpmnProcessId: 'rs', variables: { n: 1 } });
    await client.createProcessInstance({ bpmnProcessId: 'rs', variables: { n: 2 } });
    await eventually(() => seen.length === 2, 'two pushed jobs');
    await client.completeJob({ jobKey: seen[0]?.key as string, variables: {} });

    await engine.close();
    await eventually(() => worker.state.endings.length >= 1, 'the stream to end');
    // The engine's stop ends the stream cleanly (OK), not with an error.
    expect(worker.state.endings[0]).toBe('end');
    engine = await startEngine({ port, inspectPort: 0, dataDir, clock: 'controlled' });
    await eventually(
      () => (engine.gatewayStats().calls.StreamActivatedJobs ?? 0) >= 1,
      'the reopened stream',
    );
    await new Promise((r) => setTimeout(r, 50));

    await client.createProcessInstance({ bpmnProcessId: 'rs', variables: { n: 3 } });
    await eventually(() => seen.length === 3, 'a job pushed after the restart');
    expect(seen[2]?.variables).toEqual({ n: 3 });
    await client.completeJob({ jobKey: seen[2]?.key as string, variables: {} });
    // The job pushed before the stop and never completed is activated (durably) until its timeout; then it
    // is activatable again and pushed to the stream now open.
    await advanceClock(inspectionOf(engine), 60001);
    await eventually(() => seen.length === 4, 'the timed-out job pushed again');
    expect(seen[3]?.key).toBe(seen[1]?.key);
    expect(engine.gatewayStats().calls.ActivateJobs ?? 0).toBe(0);
    await client.completeJob({ jobKey: seen[3]?.key as string, variables: {} });
  } finally {
    worker.close();
    await client.close();
    await engine.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('UpdateJobTimeout moves an activated job’s deadline; unknown or not activated jobs are refused', async () => {
  await h.deploy('ut', `${start()}${task('a', 'ut-a')}${end()}${chain('start', 'a', 'end')}`);
  await h.zbc.createProcessInstance({ bpmnProcessId: 'ut', variables: {} });
  const [job] = await zbc.activateJobs({
    type: 'ut-a',
    worker: 'w',
    timeout: 1000,
    maxJobsToActivate: 1,
    requestTimeout: -1,
  });
  await zbc.updateJobTimeout({ jobKey: job?.key as string, timeout: 600000 });
  await h.advance(5000);
  expect(
    await zbc.activateJobs({
      type: 'ut-a',
      worker: 'w',
      timeout: 1000,
      maxJobsToActivate: 1,
      requestTimeout: -1,
    }),
  ).toEqual([]);
  await zbc.updateJobTimeout({ jobKey: job?.key as string, timeout: 1 });
  await h.advance(10);
  const [again] = await zbc.activateJobs({
    type: 'ut-a',
    worker: 'w',
    timeout: 1000,
    maxJobsToActivate: 1,
    requestTimeout: -1,
  });
  expect(again?.key).toBe(job?.key);
  await zbc.completeJob({ jobKey: job?.key as string, variables: {} });
  const unknown = await errorOf(zbc.updateJobTimeout({ jobKey: '2251799813685248', timeout: 1000 }));
  expect(unknown.message).toMatch(/NOT_FOUND.*no such job was found/);
  await h.zbc.createProcessInstance({ bpmnProcessId: 'ut', variables: {} });
  const waiting = (await h.inspect<Array<{ key: string; type: string; state: string }>>('/jobs')).find(
    (j) => j.type === 'ut-a' && j.state === 'ACTIVATABLE',
  );
  const notActive = await errorOf(zbc.updateJobTimeout({ jobKey: waiting?.key as string, timeout: 1000 }));
  expect(notActive.message).toMatch(/INVALID_STATE.*but it is not active/);
});

test('MigrateProcessInstance answers UNIMPLEMENTED with a message, never a silent success', async () => {
  const error = await errorOf(
    zbc.migrateProcessInstance({
      processInstanceKey: '2251799813685248',
      migrationPlan: { targetProcessDefinitionKey: '2251799813685248', mappingInstructions: [] },
    }),
  );
  expect(error.message).toMatch(/UNIMPLEMENTED.*MigrateProcessInstance is not supported/);
});
