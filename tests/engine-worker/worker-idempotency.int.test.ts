// A worker that does its side effect and dies before completing its job: the engine hands the job out again
// once its lock runs out (here: the engine's controlled clock moved past it), and the real worker that gets it
// must not repeat the effect (receipt slip, accepted event, hand-over row, inter-agency message).
import type { ZBWorker } from 'zeebe-node';
import { jobDefinitions } from '../../engine-worker';
import { closeWorker } from '../../engine-worker/close-worker';
import { registerJob, toWorkerJob, type JobDefinition } from '../../engine-worker/job-handler';
import { createOutbox } from '../../engine-worker/notification-outbox';
import { startUserTaskBridge } from '../../engine-worker/user-task-bridge';
import type { WorkerDeps } from '../../engine-worker/worker-deps';
import { DossierModel } from '../../server/models/Dossier';
import { TaskModel } from '../../server/models/Task';
import type { ApiClient } from '../server/support/api-client';
import { birthRegistrationFiling, openTask, signInAll, under6PackageFiling } from './filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

const LOCK_MS = 60_000;

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
    // The system's own dispatcher sends what these workers queue.
    outbox: createOutbox({ mailConfigured: true }),
    publicUrl: system.url,
  };
  as = await signInAll(system, ['tiepnhan.hoankiem', 'chuyenvien.hoankiem', 'lanhdao.hoankiem']);
});
afterEach(async () => {
  await Promise.all(running.map((w) => closeWorker(w)));
  running = [];
});
afterAll(() => system.close());

/** Runs the real handler, then neither completes nor fails the job, as a worker killed right after its effect. */
function dyingWorker(definition: JobDefinition, seen: string[]) {
  return system.engine.zeebe.createWorker({
    taskType: definition.type,
    timeout: LOCK_MS,
    loglevel: 'NONE',
    taskHandler: async (job) => {
      const input = toWorkerJob(job);
      await definition.handler(input);
      seen.push(input.key);
      return job.forward();
    },
  });
}

function startRealWorkers(except?: string) {
  for (const definition of jobDefinitions(deps)) {
    if (definition.type !== except) running.push(registerJob(system.engine.zeebe, system.logger, definition));
  }
  running.push(startUserTaskBridge(system.engine.zeebe, system.logger));
}

const stored = (code: string) => DossierModel.findOne({ code }).lean();

async function approve(username: string, code: string, elementId: string, bpmnProcessId: string) {
  const client = as[username]!;
  const task = await openTask(client, code, elementId, bpmnProcessId);
  const done = await client.post(`/api/tasks/${task._id}/complete`, { variables: { decision: 'approve' } });
  expect(done.status).toBe(200);
}

test('an intake job that comes back after its worker died issues one receipt and one accepted event', async () => {
  const [intake] = jobDefinitions(deps).filter((d) => d.type === 'dossier.intake');
  const seen: string[] = [];
  const dying = dyingWorker(intake!, seen);
  const filed = await as['tiepnhan.hoankiem']!.post(
    '/api/dossiers',
    birthRegistrationFiling({ email: 'an@example.vn' }),
  );
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  await eventually(
    'the dying worker ran',
    async () => seen.length === 1 && (await stored(code))?.status === 2,
  );
  await closeWorker(dying);

  startRealWorkers();
  await system.advanceEngineClock(LOCK_MS + 5_000);
  // The review task exists only once the real worker completed the intake job.
  await eventually('intake completed by the real worker', () =>
    TaskModel.exists({ dossierCode: code, elementId: 'Review' }),
  );
  const dossier = (await stored(code))!;
  expect(dossier.code).toBe(code);
  expect(dossier.slips!.filter((s) => s.kind === '01')).toHaveLength(1);
  expect(dossier.timeline.filter((e) => e.action === 'dossier.accepted')).toHaveLength(1);
  expect(system.mails.filter((m) => m.raw.includes(code))).toHaveLength(0);
});

test('a transfer job that comes back after its worker died writes one hand-over and starts the partner once', async () => {
  const [transfer] = jobDefinitions(deps).filter((d) => d.type === 'dossier.transfer');
  const seen: string[] = [];
  startRealWorkers('dossier.transfer');
  const dying = dyingWorker(transfer!, seen);
  const filed = await as['tiepnhan.hoankiem']!.post(
    '/api/dossiers',
    under6PackageFiling({ email: 'hung@example.vn' }),
  );
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  await approve('chuyenvien.hoankiem', code, 'Review', 'lien-thong-khai-sinh');
  await approve('lanhdao.hoankiem', code, 'Sign', 'lien-thong-khai-sinh');
  await eventually('the dying worker ran both transfers', async () => {
    const d = await stored(code);
    return seen.length === 2 && d?.handovers?.length === 2;
  });
  await closeWorker(dying);

  running.push(registerJob(system.engine.zeebe, system.logger, transfer!));
  await system.advanceEngineClock(LOCK_MS + 5_000);
  for (const partner of ['lien-thong-khai-sinh.cong-an', 'lien-thong-khai-sinh.bhxh']) {
    const review = await eventually(`${partner} review`, () =>
      TaskModel.findOne({ dossierCode: code, bpmnProcessId: partner, elementId: 'Review' })
        .lean()
        .then((t) => t ?? undefined),
    );
    await system.engine.completeJob(review.jobKey, { decision: 'approve' });
    const sign = await eventually(`${partner} sign`, () =>
      TaskModel.findOne({ dossierCode: code, bpmnProcessId: partner, elementId: 'Sign' })
        .lean()
        .then((t) => t ?? undefined),
    );
    await system.engine.completeJob(sign.jobKey, { decision: 'approve' });
  }
  // The lead's receive tasks open only after its transfer jobs complete: status 9 means the retried jobs did.
  const resolved = await eventually('results back at the commune', async () => {
    const d = await stored(code);
    return d?.status === 9 ? d : undefined;
  });
  const forward = resolved.handovers!.filter((h) => h.step.startsWith('Transfer_'));
  expect(forward.map((h) => h.step).sort()).toEqual(['Transfer_bhxh', 'Transfer_cong-an']);
  expect(resolved.timeline.filter((e) => e.action === 'dossier.transferred')).toHaveLength(2);
  for (const partner of ['lien-thong-khai-sinh.cong-an', 'lien-thong-khai-sinh.bhxh']) {
    expect(
      await TaskModel.countDocuments({ dossierCode: code, bpmnProcessId: partner, elementId: 'Review' }),
    ).toBe(1);
  }
});

/** The decoded subject and text of a raw message (RFC 2047 encoded words, quoted-printable or base64 body). */
function readMail(raw: string) {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const words = (value: string) =>
    value
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
        enc.toLowerCase() === 'b'
          ? Buffer.from(data, 'base64').toString('utf8')
          : Buffer.from(
              data
                .replace(/_/g, ' ')
                .replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            ).toString('utf8'),
      );
  const subject = words(/^subject:\s*(.*)$/im.exec(unfolded)?.[1] ?? '');
  const body = rest.join('\n\n');
  const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(unfolded)?.[1]?.toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8')
        : body;
  return { subject, text };
}

test('the refusal notice reaches the applicant over SMTP with its Vietnamese subject and text', async () => {
  startRealWorkers();
  const filed = await as['tiepnhan.hoankiem']!.post(
    '/api/dossiers',
    birthRegistrationFiling({ email: 'an.tb@example.vn' }),
  );
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  const client = as['chuyenvien.hoankiem']!;
  const review = await eventually('review task', () =>
    TaskModel.findOne({ dossierCode: code, elementId: 'Review' })
      .lean()
      .then((t) => t ?? undefined),
  );
  const refused = await client.post(`/api/tasks/${String(review._id)}/complete`, {
    variables: {
      decision: 'refuse',
      refusalReason: 'Người yêu cầu không có quyền đăng ký khai sinh cho trẻ',
    },
  });
  expect(refused.status).toBe(200);
  await eventually('the refusal e-mail', async () =>
    system.mails.some((m) => m.raw.includes(code) || readMail(m.raw).subject.includes(code)),
  );
  await eventually('the refusal notice recorded', async () =>
    (await stored(code))?.timeline.some((e) => e.action === 'notification.sent'),
  );
  const mails = system.mails.filter((m) => m.raw.includes(code) || readMail(m.raw).subject.includes(code));
  expect(mails).toHaveLength(1);
  expect(mails[0]!.to).toBe('an.tb@example.vn');
  const { subject, text } = readMail(mails[0]!.raw);
  expect(subject).toBe(`Hồ sơ ${code} không được tiếp nhận giải quyết`);
  expect(text).toContain('Kính gửi ông/bà Nguyễn Văn An,');
  expect(text).toContain('lý do được nêu trong phiếu từ chối');
});

interface InspectedJob {
  key: string;
  type: string;
  state: string;
  deadline: string | null;
}

async function engineJob(key: string): Promise<InspectedJob | undefined> {
  const jobs = await system.inspect<InspectedJob[]>('/jobs');
  return jobs.find((j) => j.key === key);
}

test('a notify job that comes back after its worker died sends no second e-mail', async () => {
  const [notify] = jobDefinitions(deps).filter((d) => d.type === 'dossier.notify');
  const seen: string[] = [];
  startRealWorkers('dossier.notify');
  const dying = dyingWorker(notify!, seen);
  const filed = await as['tiepnhan.hoankiem']!.post(
    '/api/dossiers',
    birthRegistrationFiling({ email: 'notify.once@example.vn' }),
  );
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  const review = await openTask(as['chuyenvien.hoankiem']!, code, 'Review');
  const refused = await as['chuyenvien.hoankiem']!.post(`/api/tasks/${review._id}/complete`, {
    variables: { decision: 'refuse', refusalReason: 'Hồ sơ không thuộc thẩm quyền giải quyết' },
  });
  expect(refused.status).toBe(200);
  const toApplicant = () => system.mails.filter((m) => m.to === 'notify.once@example.vn');
  // Refusal slip PDF, then the e-mail over SMTP: slow when CI runs the browser suites beside this one.
  await eventually(
    'the dying worker sent the e-mail',
    async () => seen.length === 1 && toApplicant().length === 1,
    60_000,
  ).catch(async (error: Error) => {
    // What the engine and the mailbox held, so a failure in CI says which side stalled.
    const jobs = await system.inspect<InspectedJob[]>('/jobs');
    const notifyJobs = jobs.filter((j) => j.type === 'dossier.notify');
    throw new Error(
      `${error.message}: seen ${JSON.stringify(seen)}, e-mails ${toApplicant().length}, notify jobs ${JSON.stringify(notifyJobs)}`,
    );
  });
  const jobKey = seen[0]!;
  // Still locked to the dead worker: activated, its deadline on the engine's clock.
  expect(await engineJob(jobKey)).toMatchObject({ type: 'dossier.notify', state: 'ACTIVATED' });
  // The dying worker must stop polling, or it would take the job again once the lock runs out.
  await closeWorker(dying);

  const redelivered: string[] = [];
  running.push(
    registerJob(system.engine.zeebe, system.logger, {
      ...notify!,
      handler: (job) => {
        redelivered.push(job.key);
        return notify!.handler(job);
      },
    }),
  );
  // The lock runs on the engine's clock: real time passing does not release it, the test clock does.
  await system.advanceEngineClock(LOCK_MS + 5_000);
  await eventually('the same job handed to the real worker', async () => redelivered.includes(jobKey));
  await eventually('the job completed', async () => (await engineJob(jobKey)) === undefined);
  expect(redelivered).toEqual([jobKey]);
  expect(toApplicant()).toHaveLength(1);
  const dossier = (await stored(code))!;
  expect(dossier.timeline.filter((e) => e.action === 'notification.sent')).toHaveLength(1);
});

test('a user task whose bridge died before storing its inbox row reaches the inbox within the bridge’s lock', async () => {
  const bridgeLock = { lockMs: LOCK_MS };
  for (const definition of jobDefinitions(deps)) {
    running.push(registerJob(system.engine.zeebe, system.logger, definition));
  }
  const first = startUserTaskBridge(system.engine.zeebe, system.logger, bridgeLock);
  const filed = await as['tiepnhan.hoankiem']!.post('/api/dossiers', birthRegistrationFiling());
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  const mirrored = await eventually('the review task mirrored', () =>
    TaskModel.findOne({ dossierCode: code, elementId: 'Review' })
      .lean()
      .then((t) => t ?? undefined),
  );
  // The bridge is killed holding the job, its row never written: the engine still has the job locked to it.
  await closeWorker(first);
  await TaskModel.deleteOne({ _id: mirrored._id });

  running.push(startUserTaskBridge(system.engine.zeebe, system.logger, bridgeLock));
  await system.advanceEngineClock(LOCK_MS + 5_000);
  const review = await openTask(as['chuyenvien.hoankiem']!, code, 'Review');
  // Come back once more with its row stored: the same row, still open, and the officer's completion goes through.
  await system.advanceEngineClock(LOCK_MS + 5_000);
  const done = await as['chuyenvien.hoankiem']!.post(`/api/tasks/${review._id}/complete`, {
    variables: { decision: 'approve' },
  });
  expect(done.status).toBe(200);
  const rows = await TaskModel.find({ dossierCode: code, elementId: 'Review' }).lean();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ jobKey: mirrored.jobKey, state: 'completed' });
  await eventually('the sign task after the review', () =>
    TaskModel.exists({ dossierCode: code, elementId: 'Sign' }),
  );
});
