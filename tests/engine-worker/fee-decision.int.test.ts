// dossier.fee takes what the procedure's fee table decided: a birth registration whose facts make it exempt
// (Luật Hộ tịch 2014, Điều 11.1.a) is assessed at 0 đồng with the legal ground on its timeline. No worker writes
// the table's inputs yet (contract: applicantCategory, childBirthDate, receivedOn), so the intake here adds them.
import { jobDefinitions } from '../../engine-worker';
import { closeWorker } from '../../engine-worker/close-worker';
import { registerJob, type JobDefinition } from '../../engine-worker/job-handler';
import { createOutbox } from '../../engine-worker/notification-outbox';
import type { WorkerDeps } from '../../engine-worker/worker-deps';
import { DossierModel } from '../../server/models/Dossier';
import { birthRegistrationFiling, signInAll } from './filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

let system: LifecycleSystem;
let running: ReturnType<typeof registerJob>[] = [];

beforeAll(async () => {
  system = await startLifecycleSystem({ workers: false });
  const deps: WorkerDeps = {
    engine: system.engine,
    logger: system.logger,
    outbox: createOutbox({ mailConfigured: true }),
    publicUrl: system.url,
  };
  const facts = { applicantCategory: 'ho-ngheo', childBirthDate: '2020-01-01', receivedOn: '2025-09-01' };
  running = jobDefinitions(deps).map((definition): ReturnType<typeof registerJob> => {
    if (definition.type !== 'dossier.intake')
      return registerJob(system.engine.zeebe, system.logger, definition);
    const withFacts: JobDefinition = {
      ...definition,
      handler: async (job) => ({ ...((await definition.handler(job)) ?? {}), ...facts }),
    };
    return registerJob(system.engine.zeebe, system.logger, withFacts);
  });
});
afterAll(async () => {
  await Promise.all(running.map((w) => closeWorker(w)));
  await system.close();
});

test('an exempt birth registration is assessed at 0 đồng on the ground the table gives', async () => {
  const as = await signInAll(system, ['tiepnhan.hoankiem']);
  const filed = await as['tiepnhan.hoankiem']!.post('/api/dossiers', birthRegistrationFiling());
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  const assessed = await eventually('fee assessed', async () => {
    const dossier = await DossierModel.findOne({ code }).lean();
    return dossier?.timeline.find((e) => e.action === 'fee.assessed');
  });
  expect(assessed.note).toBe('0 đồng (miễn lệ phí: Luật Hộ tịch 2014, Điều 11 khoản 1 điểm a)');
});
