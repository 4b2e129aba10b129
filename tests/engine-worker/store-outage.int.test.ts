// A store that goes down for a few seconds and comes back (closed and started again on the same data and port):
// the jobs it interrupts (intake, the deadline computation, the user-task bridge) keep their retries and go on once
// it is back, with no incident; the API accepts filings again within about a second, answering 503 until then.
import type { ZBWorker } from 'zeebe-node';
import { jobDefinitions } from '../../engine-worker';
import { closeWorker } from '../../engine-worker/close-worker';
import { registerJob } from '../../engine-worker/job-handler';
import { createOutbox } from '../../engine-worker/notification-outbox';
import { startUserTaskBridge } from '../../engine-worker/user-task-bridge';
import type { WorkerDeps } from '../../engine-worker/worker-deps';
import { DossierModel } from '../../server/models/Dossier';
import { TaskModel } from '../../server/models/Task';
import type { ApiClient } from '../server/support/api-client';
import { birthRegistrationFiling, signInAll } from './filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

/** How long the store stays down: as the restart of the issue (4.9 s). */
const OUTAGE_MS = 5_000;

interface EngineJob {
  key: string;
  type: string;
  state: string;
  retries: number;
  elementId: string;
  processInstanceKey: string;
}

let system: LifecycleSystem;
let deps: WorkerDeps;
let as: Record<string, ApiClient> = {};
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
  as = await signInAll(system, ['tiepnhan.hoankiem']);
});
afterEach(async () => {
  await Promise.all(running.map((w) => closeWorker(w)));
  running = [];
});
afterAll(() => system.close());

function startJobWorkers(except?: string) {
  for (const definition of jobDefinitions(deps)) {
    if (definition.type !== except) running.push(registerJob(system.engine.zeebe, system.logger, definition));
  }
}

async function fileDossier(): Promise<{ code: string; processInstanceKey: string }> {
  const filed = await as['tiepnhan.hoankiem']!.post('/api/dossiers', birthRegistrationFiling());
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  const dossier = await eventually('the dossier has its process', async () => {
    const d = await DossierModel.findOne({ code }).lean();
    return d?.processInstanceKey ? d : undefined;
  });
  return { code, processInstanceKey: dossier.processInstanceKey! };
}

const jobAt = (processInstanceKey: string, elementId: string) =>
  eventually(`job ${elementId}`, async () =>
    (await system.inspect<EngineJob[]>('/jobs')).find(
      (j) => j.processInstanceKey === processInstanceKey && j.elementId === elementId,
    ),
  );

const incidentsOf = async (processInstanceKey: string) =>
  (
    await system.inspect<{ processInstanceKey: string; elementId: string; message: string }[]>('/incidents')
  ).filter((i) => i.processInstanceKey === processInstanceKey);

/** The interrupted job failed three times in the outage (its fault record), or it became an incident. */
async function failedThrice(processInstanceKey: string): Promise<boolean> {
  const records = await faultRecordsOf(processInstanceKey);
  const attempts = records.map(
    (r) => (r.variables.infrastructureFault as { attempts?: number } | null)?.attempts ?? 0,
  );
  return attempts.some((a) => a >= 3) || (await incidentsOf(processInstanceKey)).length > 0;
}

/**
 * Keeps the stopped store down at least OUTAGE_MS, and until the interrupted job has failed three times (what
 * three retries allowed before), while the engine's clock runs on so that every back-off the workers ask for
 * lapses; then starts the store again.
 */
async function outageRunsOn(processInstanceKey: string): Promise<void> {
  const least = Date.now() + OUTAGE_MS;
  const most = Date.now() + 30_000;
  while (Date.now() < most && (Date.now() < least || !(await failedThrice(processInstanceKey)))) {
    await system.advanceEngineClock(10 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(await failedThrice(processInstanceKey)).toBe(true);
  await system.startStore();
}

/** After the outage the engine's clock keeps moving, so whatever back-off is pending lapses. */
function eventuallyWithClock<T>(what: string, check: () => Promise<T | undefined | false>) {
  return eventually(what, async () => {
    const value = await check().catch(() => undefined);
    if (value === undefined || value === false) await system.advanceEngineClock(5 * 60_000);
    return value;
  });
}

/** The instance's variables in every scope still open: the record of a fault goes with its task's element. */
async function faultRecordsOf(processInstanceKey: string) {
  const instance = await system.inspect<{ variables: { variables: Record<string, unknown> }[] }>(
    `/process-instances/${processInstanceKey}`,
  );
  return instance.variables.filter((scope) => 'infrastructureFault' in scope.variables);
}

const reviewTask = (code: string) =>
  TaskModel.findOne({ dossierCode: code, elementId: 'Review' })
    .lean()
    .then((t) => t ?? undefined);

test('a store outage during intake leaves no incident and the dossier goes on once the store is back', async () => {
  const { code, processInstanceKey } = await fileDossier();
  await jobAt(processInstanceKey, 'Intake');
  await system.stopStore();
  startJobWorkers();
  running.push(startUserTaskBridge(system.engine.zeebe, system.logger));
  await outageRunsOn(processInstanceKey);

  expect(await incidentsOf(processInstanceKey)).toEqual([]);
  await eventuallyWithClock('the review task after intake', () => reviewTask(code));
  expect(await incidentsOf(processInstanceKey)).toEqual([]);
  expect(await faultRecordsOf(processInstanceKey)).toEqual([]);
  const dossier = await DossierModel.findOne({ code }).lean();
  expect(dossier!.timeline.filter((e) => e.action === 'dossier.accepted')).toHaveLength(1);
});

test('a store outage during the deadline computation leaves no incident and keeps the job’s retries', async () => {
  startJobWorkers('dossier.deadline');
  const { code, processInstanceKey } = await fileDossier();
  const before = await jobAt(processInstanceKey, 'ComputeDeadline');
  expect(before.retries).toBe(3);
  await system.stopStore();
  running.push(
    registerJob(
      system.engine.zeebe,
      system.logger,
      jobDefinitions(deps).find((d) => d.type === 'dossier.deadline')!,
    ),
  );
  running.push(startUserTaskBridge(system.engine.zeebe, system.logger));
  await outageRunsOn(processInstanceKey);

  expect(await incidentsOf(processInstanceKey)).toEqual([]);
  const during = (await system.inspect<EngineJob[]>('/jobs')).find((j) => j.key === before.key);
  expect(during?.retries).toBe(3);
  await eventuallyWithClock('the review task after the deadline', () => reviewTask(code));
  const dossier = await DossierModel.findOne({ code }).lean();
  expect(dossier!.dueAt).toBeInstanceOf(Date);
  expect(await faultRecordsOf(processInstanceKey)).toEqual([]);
  expect(await incidentsOf(processInstanceKey)).toEqual([]);
});

test('the user-task bridge during a store outage makes no incident, and the inbox row appears after', async () => {
  startJobWorkers();
  const { code, processInstanceKey } = await fileDossier();
  await jobAt(processInstanceKey, 'Review');
  await system.stopStore();
  running.push(startUserTaskBridge(system.engine.zeebe, system.logger));
  await outageRunsOn(processInstanceKey);

  expect(await incidentsOf(processInstanceKey)).toEqual([]);
  const task = await eventuallyWithClock('the review task in the inbox', () => reviewTask(code));
  expect(task.state).toBe('open');
  expect(task.variables).not.toHaveProperty('infrastructureFault');
  expect(await TaskModel.countDocuments({ dossierCode: code, elementId: 'Review' })).toBe(1);
  expect(await incidentsOf(processInstanceKey)).toEqual([]);
});

test('a store outage that outlasts the fault budget spends the retries and becomes an incident', async () => {
  const { processInstanceKey } = await fileDossier();
  await jobAt(processInstanceKey, 'Intake');
  await system.stopStore();
  const intake = jobDefinitions(deps).find((d) => d.type === 'dossier.intake')!;
  running.push(registerJob(system.engine.zeebe, system.logger, intake, { budgetMs: 1_000 }));
  try {
    // Each attempt waits out the driver's server selection (5 s) with the store down: three spent retries take
    // 15 s or more on a loaded machine, so the wait is generous.
    const [incident] = await eventually(
      'the intake incident past the budget',
      async () => {
        await system.advanceEngineClock(10 * 60_000);
        const found = await incidentsOf(processInstanceKey);
        return found.length ? found : undefined;
      },
      90_000,
    );
    expect(incident).toMatchObject({ elementId: 'Intake' });
  } finally {
    await system.startStore();
  }
}, 150_000);

test('after a store restart the API accepts filings again within about a second, refusing none half-written', async () => {
  const client = as['tiepnhan.hoankiem']!;
  const storedBefore = await DossierModel.countDocuments();
  await system.stopStore();
  // Down long enough for the driver to see it (a request fails), as a restart that takes a few seconds.
  const down = await client.post('/api/dossiers', birthRegistrationFiling());
  expect(down.status).toBe(503);
  await system.startStore();
  const answers: number[] = [];
  const accepted = await eventually(
    'a filing accepted after the restart',
    async () => {
      const filed = await client.post('/api/dossiers', birthRegistrationFiling());
      answers.push(filed.status);
      if (filed.status !== 201) expect(filed.body.error.code).toBe('store_unavailable');
      return filed.status === 201 ? filed : undefined;
    },
    // Generous: measured 0.2–0.9 s from the restart to the first accepted filing (7–9 s reported in the issue).
    5_000,
  );
  expect(answers.filter((s) => s !== 201 && s !== 503)).toEqual([]);
  expect(await DossierModel.countDocuments()).toBe(storedBefore + 1);
  expect(await DossierModel.exists({ code: accepted.body.dossier.code })).toBeTruthy();
});
