// A submission, its replay and the pending-process sweep killed (SIGKILL, a child process) at every boundary
// between their writes, then replayed: the client retries with the same idempotency key, or the sweep runs again.
// Whatever the boundary, each dossier ends with exactly one live instance of its own process (counted through
// the engine's inspection API), that instance is the stored one, and exactly one `dossier.create` audit event.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { AuditAction } from '../../processes/dossier-actions';
import { drainPendingAudits } from '../../server/domain/dossier-audit-outbox';
import { startPendingProcesses } from '../../server/domain/dossier-process';
import type { StepBoundary } from '../../server/domain/step-boundaries';
import { AuditEventModel } from '../../server/models/AuditEvent';
import { DossierModel, type Dossier } from '../../server/models/Dossier';
import { ApiClient } from '../server/support/api-client';
import { birthRegistrationFiling } from './filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

const root = path.resolve(__dirname, '../..');
const BPMN_PROCESS_ID = 'dang-ky-khai-sinh';

let system: LifecycleSystem;
let counter: ApiClient;
let childUrl = '';

beforeAll(async () => {
  system = await startLifecycleSystem();
  counter = new ApiClient(() => childUrl || system.url);
  const login = await counter.login('tiepnhan.hoankiem', system.logins['tiepnhan.hoankiem']!.password);
  expect(login.status).toBe(200);
});
afterAll(() => system.close());

interface Child {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  url?: string;
  kill(): void;
}

/** Starts tests/engine-worker/crashing-process.ts on the system's store and engine; an API child answers once up. */
async function startChild(role: 'api' | 'sweep', crashAt: StepBoundary, mode: 'kill' | 'throw' = 'kill') {
  // Node itself with tsx's loader (not the tsx CLI, which runs the script in a grandchild): the SIGKILL is seen.
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/engine-worker/crashing-process.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? '/tmp',
      CRASH_ROLE: role,
      CRASH_AT: crashAt,
      CRASH_MODE: mode,
      MONGODB_URI: system.storeUri,
      ZEEBE_ADDRESS: system.engine.address,
      DATA_DIR: system.dataDir,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  const result: Child = { exited, kill: () => child.kill('SIGKILL') };
  if (role === 'api') {
    const lines = createInterface({ input: child.stdout });
    const [line] = (await Promise.race([once(lines, 'line'), exited.then(() => [''])])) as [string];
    if (!line) throw new Error('the API child stopped before it listened');
    result.url = (JSON.parse(line) as { url: string }).url;
  }
  return result;
}

/** Live (active or in incident) instances of the dossier's own process, by the dossierId they were given. */
async function liveInstances(dossier: Dossier): Promise<string[]> {
  const all = await system.inspect<{ key: string; state: string }[]>(
    `/process-instances?bpmnProcessId=${BPMN_PROCESS_ID}`,
  );
  const live: string[] = [];
  for (const { key } of all.filter((i) => i.state === 'ACTIVE' || i.state === 'INCIDENT')) {
    const view = await system.inspect<{
      variables: { scopeKey: string; variables: Record<string, unknown> }[];
    }>(`/process-instances/${key}`);
    const scope = view.variables.find((v) => v.scopeKey === key)?.variables ?? {};
    const raw = scope.dossierId;
    const id = typeof raw === 'string' && raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
    if (id === dossier._id.toHexString()) live.push(key);
  }
  return live;
}

const auditCount = (dossier: Dossier, action: AuditAction) =>
  AuditEventModel.countDocuments({ action, 'target.id': dossier._id.toHexString() });

/** Exactly one live instance, the stored one, past the intake (so an orphan's first job has been seen). */
async function expectOneLiveInstance(code: string) {
  let seen = 'nothing stored';
  const dossier = await eventually(`dossier ${code} accepted with one live instance`, async () => {
    const stored = await DossierModel.findOne({ code }).lean();
    if (!stored) return undefined;
    const live = await liveInstances(stored);
    seen = `status ${stored.status}, stored ${stored.processInstanceKey}, live [${live.join(', ')}]`;
    if (!stored.processInstanceKey || stored.status !== 2) return undefined;
    return live.length === 1 && live[0] === stored.processInstanceKey ? stored : undefined;
  }).catch((error: Error) => {
    throw new Error(`${error.message} (last seen: ${seen})`);
  });
  // Orphans are cancelled at their first job; any left would show up here once the intake jobs ran.
  await eventually(`intake jobs of ${code} done`, async () => {
    const jobs = await system.inspect<{ processInstanceKey: string; type: string }[]>('/jobs');
    return !jobs.some((j) => j.type === 'dossier.intake') || undefined;
  });
  expect(await liveInstances(dossier)).toEqual([dossier.processInstanceKey]);
  expect(dossier.timeline.filter((e) => e.action === 'process.started')).toHaveLength(1);
  expect(dossier.timeline.filter((e) => e.action === 'dossier.accepted')).toHaveLength(1);
  expect((dossier.slips ?? []).filter((s) => s.kind === '01')).toHaveLength(1);
  return dossier;
}

async function expectAudit(code: string, reissues: number) {
  const dossier = (await DossierModel.findOne({ code }).lean())!;
  await eventually(`audit of ${code} drained`, async () => {
    const current = await DossierModel.findOne({ code }, { pendingAudit: 1 }).lean();
    return !current?.pendingAudit?.length || undefined;
  });
  expect(await auditCount(dossier, 'dossier.create')).toBe(1);
  expect(await auditCount(dossier, 'dossier.receipt-secret.reissue')).toBe(reissues);
}

/** Submits through an API child that dies at `boundary`; returns the filing and the dossier code it stored. */
async function submitThroughDyingApi(boundary: StepBoundary, idempotencyKey: string) {
  const api = await startChild('api', boundary);
  childUrl = api.url!;
  const filing = { ...birthRegistrationFiling(), idempotencyKey };
  try {
    await expect(counter.post('/api/dossiers', filing)).rejects.toThrow();
    expect((await api.exited).signal).toBe('SIGKILL');
  } finally {
    childUrl = '';
    api.kill();
  }
  const stored = await DossierModel.findOne({ idempotencyKey: { $regex: `:${idempotencyKey}$` } }).lean();
  expect(stored).not.toBeNull();
  return { filing, code: stored!.code };
}

describe.each<StepBoundary>([
  'dossier-stored',
  'ticket-claimed',
  'instance-created',
  'instance-bound',
  'audit-recorded',
])('the API killed at %s', (boundary) => {
  test('the client retry with the same idempotency key leaves one live instance and one dossier.create', async () => {
    const { filing, code } = await submitThroughDyingApi(boundary, `crash-${boundary}`);

    const retried = await counter.post('/api/dossiers', filing);

    expect(retried.status).toBe(200);
    expect(retried.body.dossier.code).toBe(code);
    await expectOneLiveInstance(code);
    await expectAudit(code, 1);
  });
});

test('a store outage right after the instance is created, then the client retry: one live instance', async () => {
  const api = await startChild('api', 'instance-created', 'throw');
  childUrl = api.url!;
  try {
    const filing = { ...birthRegistrationFiling(), idempotencyKey: 'outage-instance-created' };
    const first = await counter.post('/api/dossiers', filing);
    expect(first.status).toBe(201);
    expect(first.body.dossier.processInstanceKey).toBeUndefined();

    const retried = await counter.post('/api/dossiers', filing);

    expect(retried.status).toBe(200);
    await expectOneLiveInstance(first.body.dossier.code as string);
    await expectAudit(first.body.dossier.code as string, 1);
  } finally {
    childUrl = '';
    api.kill();
  }
});

describe.each<StepBoundary>(['ticket-claimed', 'instance-created', 'instance-bound', 'audit-recorded'])(
  'the worker running the sweep killed at %s',
  (boundary) => {
    test('the next sweep leaves one live instance and one dossier.create', async () => {
      // A dossier stored by an API that died before starting its process: the sweep's to start.
      const { code } = await submitThroughDyingApi('dossier-stored', `sweep-${boundary}`);
      const sweep = await startChild('sweep', boundary);
      expect((await sweep.exited).signal).toBe('SIGKILL');

      await startPendingProcesses(system.engine, system.logger, 0);
      await drainPendingAudits(0);

      await expectOneLiveInstance(code);
      await expectAudit(code, 0);
    });
  },
);
