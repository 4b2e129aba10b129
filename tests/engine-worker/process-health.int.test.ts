// Incidents and stuck dossiers are visible and never counted as resolved: a job that fails until its retries run
// out is an incident the dossier, the list and the inbox show (its message to leaders only), statistics count
// apart even after the process went on to the return, and /api/health counts with the workers' heartbeats; a
// machine step nobody works is marked stalled past its (test-short) budget and cleared once it moves on.
import type { ZBWorker } from 'zeebe-node';
import { jobDefinitions } from '../../engine-worker';
import { closeWorker } from '../../engine-worker/close-worker';
import { registerJob, type JobDefinition } from '../../engine-worker/job-handler';
import { createOutbox } from '../../engine-worker/notification-outbox';
import { startStallCheck } from '../../engine-worker/stall-check';
import { startUserTaskBridge } from '../../engine-worker/user-task-bridge';
import { startWorkerHeartbeat } from '../../engine-worker/worker-heartbeat';
import type { WorkerDeps } from '../../engine-worker/worker-deps';
import { DossierModel } from '../../server/models/Dossier';
import type { ApiClient } from '../server/support/api-client';
import { birthRegistrationFiling, openTask, signInAll } from './filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

let system: LifecycleSystem;
let deps: WorkerDeps;
let as: Record<string, ApiClient> = {};
let heartbeat: ReturnType<typeof startWorkerHeartbeat>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let running: ZBWorker<any, any, any>[] = [];

beforeAll(async () => {
  system = await startLifecycleSystem({ workers: false });
  deps = {
    engine: system.engine,
    logger: system.logger,
    outbox: createOutbox({ mailConfigured: true }),
    publicUrl: system.url,
  };
  heartbeat = startWorkerHeartbeat({ logger: system.logger, intervalMs: 200 });
  as = await signInAll(system, ['tiepnhan.hoankiem', 'chuyenvien.hoankiem', 'lanhdao.hoankiem']);
});
afterEach(async () => {
  await Promise.all(running.map((w) => closeWorker(w)));
  running = [];
});
afterAll(async () => {
  await heartbeat.close();
  await system.close();
});

/** The real workers, one definition replaced (`swap`) or left out. */
function startWorkers(options: { swap?: JobDefinition; without?: string } = {}) {
  for (const definition of jobDefinitions(deps)) {
    if (definition.type === options.without) continue;
    const used = options.swap?.type === definition.type ? options.swap : definition;
    running.push(registerJob(system.engine.zeebe, system.logger, used));
  }
  running.push(startUserTaskBridge(system.engine.zeebe, system.logger));
}

const stored = (code: string) => DossierModel.findOne({ code }).lean();
const localToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

async function complete(username: string, code: string, elementId: string, variables: object) {
  const task = await openTask(as[username]!, code, elementId);
  const done = await as[username]!.post(`/api/tasks/${task._id}/complete`, { variables });
  expect(done.status).toBe(200);
}

test('a job failing until its retries run out is an incident on the dossier, its list row and its inbox task; statistics never count it resolved', async () => {
  // Given the near-due warning's worker fails (not a business error) on every attempt
  const [deadline] = jobDefinitions(deps).filter((d) => d.type === 'dossier.deadline');
  startWorkers({
    swap: {
      ...deadline!,
      handler: async (job) => {
        if (job.elementId === 'WarnNearDue') throw new Error('Máy chủ lịch làm việc không trả lời');
        return deadline!.handler(job);
      },
    },
  });
  const filed = await as['tiepnhan.hoankiem']!.post('/api/dossiers', birthRegistrationFiling());
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  await openTask(as['chuyenvien.hoankiem']!, code, 'Review');
  const { dueAt } = (await stored(code))!;

  // When the warning fires and its job is failed three times (the back-off runs on the engine's clock)
  await system.advanceEngineClock(dueAt!.getTime() - Date.now() + 60_000);
  const marked = await eventually('the incident on the dossier', async () => {
    await system.advanceEngineClock(3_000);
    const d = await stored(code);
    return d?.processHealth ? d : undefined;
  });

  // Then the dossier, the list and the inbox task show "Lỗi xử lý"; the cause only to the leader
  expect(marked.processHealth).toMatchObject({ state: 'incident', elementId: 'WarnNearDue' });
  const asLeader = await as['lanhdao.hoankiem']!.get(`/api/dossiers/${code}`);
  expect(asLeader.body.processHealth).toMatchObject({
    state: 'incident',
    label: 'Lỗi xử lý',
    elementId: 'WarnNearDue',
    message: 'dossier.deadline: Máy chủ lịch làm việc không trả lời',
  });
  const asOfficer = await as['chuyenvien.hoankiem']!.get(`/api/dossiers/${code}`);
  expect(asOfficer.body.processHealth).toMatchObject({ state: 'incident', label: 'Lỗi xử lý' });
  expect(asOfficer.body.processHealth.message).toBeUndefined();
  const list = await as['chuyenvien.hoankiem']!.get(`/api/dossiers?code=${code}`);
  expect(list.body.items[0].processHealth).toMatchObject({ state: 'incident', label: 'Lỗi xử lý' });
  const inbox = await as['chuyenvien.hoankiem']!.get('/api/tasks');
  const review = (inbox.body.items as { dossierCode: string; processHealth?: unknown }[]).find(
    (t) => t.dossierCode === code,
  );
  expect(review?.processHealth).toMatchObject({ state: 'incident', label: 'Lỗi xử lý' });
  expect(marked.timeline.some((e) => e.action === 'dossier.incident' && e.elementId === 'WarnNearDue')).toBe(
    true,
  );

  // And /api/health counts the incident beside this process's heartbeat
  const health = await fetch(`${system.url}/api/health`).then((r) => r.json());
  expect(health.incidents).toBe(1);
  expect(health.workers).toEqual(
    expect.arrayContaining([expect.objectContaining({ id: heartbeat.id, pid: process.pid, alive: true })]),
  );

  // When the main path goes on to the result and its return, the incident at the warning stays
  await complete('chuyenvien.hoankiem', code, 'Review', { decision: 'approve' });
  await complete('lanhdao.hoankiem', code, 'Sign', { decision: 'approve' });
  await complete('tiepnhan.hoankiem', code, 'HandOverResult', {
    decision: 'approve',
    returnChannel: 'counter',
    receivedBy: 'Nguyễn Văn An',
  });
  const returned = await eventually('result delivered', async () => {
    const d = await stored(code);
    return d?.status === 10 ? d : undefined;
  });
  expect(returned.processHealth).toMatchObject({ state: 'incident', elementId: 'WarnNearDue' });

  // Then the statistics count it under "Lỗi xử lý", never as resolved, early or on time
  const today = localToday();
  const report = await as['lanhdao.hoankiem']!.get(`/api/statistics?from=${today}&to=${today}`);
  expect(report.status).toBe(200);
  const counts = report.body.items[0].counts;
  expect(counts.resolved).toEqual({ total: 0, early: 0, onTime: 0, late: 0 });
  expect(counts.processIncident).toBe(1);
  expect(counts.onTimeRate).toBeNull();
}, 90_000);

test('a machine step nobody works is marked stalled after its budget ("Đang chờ hệ thống") and cleared once it moves on', async () => {
  // Given no worker takes intake jobs, and a stall check with a short budget
  startWorkers({ without: 'dossier.intake' });
  const check = startStallCheck({ logger: system.logger, budgetMs: 1_500, intervalMs: 200 });
  try {
    const filed = await as['tiepnhan.hoankiem']!.post('/api/dossiers', birthRegistrationFiling());
    const code = filed.body.dossier.code as string;

    // Then, past the budget, the dossier is stalled, in its view and in the list
    const stalled = await eventually('the stalled mark', async () => {
      const d = await stored(code);
      return d?.processHealth ? d : undefined;
    });
    expect(stalled.processHealth?.state).toBe('stalled');
    const view = await as['lanhdao.hoankiem']!.get(`/api/dossiers/${code}`);
    expect(view.body.processHealth).toMatchObject({ state: 'stalled', label: 'Đang chờ hệ thống' });
    const list = await as['tiepnhan.hoankiem']!.get(`/api/dossiers?code=${code}`);
    expect(list.body.items[0].processHealth).toMatchObject({ state: 'stalled' });
    expect((await stored(code))!.timeline.filter((e) => e.action === 'dossier.stalled')).toHaveLength(1);

    // When intake runs after all, the dossier moves on and the mark is gone
    const [intake] = jobDefinitions(deps).filter((d) => d.type === 'dossier.intake');
    running.push(registerJob(system.engine.zeebe, system.logger, intake!));
    await openTask(as['chuyenvien.hoankiem']!, code, 'Review');
    expect((await stored(code))!.processHealth).toBeUndefined();
    const after = await as['lanhdao.hoankiem']!.get(`/api/dossiers/${code}`);
    expect(after.body.processHealth).toBeUndefined();
  } finally {
    await check.close();
  }
}, 60_000);

test('a dossier whose process instance the engine no longer has is marked missing, not only stalled', async () => {
  // Given a dossier waiting at intake with no intake worker, whose instance is then lost by the engine
  startWorkers({ without: 'dossier.intake' });
  const filed = await as['tiepnhan.hoankiem']!.post('/api/dossiers', birthRegistrationFiling());
  const code = filed.body.dossier.code as string;
  const key = (await eventually('the instance key', async () => (await stored(code))?.processInstanceKey))!;
  await system.engine.cancelInstance(key);
  expect(await system.engine.instanceIsLive(key)).toBe(false);

  // When the stall check runs past the budget with the engine to ask
  const check = startStallCheck({
    logger: system.logger,
    instanceIsLive: (k) => system.engine.instanceIsLive(k),
    budgetMs: 1_500,
    intervalMs: 200,
  });
  try {
    // Then the dossier says its process is missing, to the leader with the cause
    const marked = await eventually('the missing mark', async () => (await stored(code))?.processHealth);
    expect(marked).toMatchObject({ state: 'missing' });
    const view = await as['lanhdao.hoankiem']!.get(`/api/dossiers/${code}`);
    expect(view.body.processHealth).toMatchObject({ state: 'missing', label: 'Đang chờ hệ thống' });
    expect(view.body.processHealth.message).toContain(key);
    expect(
      (await stored(code))!.timeline.filter((e) => e.action === 'dossier.instance-missing'),
    ).toHaveLength(1);
  } finally {
    await check.close();
  }
}, 60_000);
