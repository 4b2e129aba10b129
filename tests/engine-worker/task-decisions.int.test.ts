// Completing a task with a decision (of the four the API knows) that its process does not route at that step is refused at the API, before the engine: the
// instance would otherwise stop at the gateway with an incident. The task stays open and completes afterwards.
import { DossierModel } from '../../server/models/Dossier';
import { TaskModel } from '../../server/models/Task';
import type { ApiClient } from '../server/support/api-client';
import { birthRegistrationFiling, openTask, signInAll } from './filings';
import { startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

let system: LifecycleSystem;
let as: Record<string, ApiClient> = {};

beforeAll(async () => {
  system = await startLifecycleSystem();
  as = await signInAll(system, ['tiepnhan.hoankiem', 'chuyenvien.hoankiem']);
});
afterAll(() => system.close());

test('a decision the gateway after the task does not route is a 400 on variables.decision that changes nothing', async () => {
  const filed = await as['tiepnhan.hoankiem']!.post('/api/dossiers', birthRegistrationFiling());
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  const officer = as['chuyenvien.hoankiem']!;
  const review = await openTask(officer, code, 'Review');
  const before = await DossierModel.findOne({ code }).lean();

  const unknown = await officer.post(`/api/tasks/${review._id}/complete`, {
    variables: { decision: 'return', returnReason: 'Trả lại bước trước' },
  });
  expect(unknown.status).toBe(400);
  expect(unknown.body.error.fields).toEqual([
    {
      path: 'variables.returnReason',
      message:
        'Bước này không khai báo biến "returnReason"; chỉ nhận: decision, supplementReason, missingComponents, refusalReason',
    },
    {
      path: 'variables.decision',
      message:
        'Quyết định "return" không có trong quy trình ở bước này; chọn một trong: approve, supplement, refuse',
    },
  ]);
  const missing = await officer.post(`/api/tasks/${review._id}/complete`, { variables: {} });
  expect(missing.status).toBe(400);
  expect(missing.body.error.fields[0].path).toBe('variables.decision');

  const task = await TaskModel.findById(review._id).lean();
  expect(task).toMatchObject({ state: 'open' });
  expect(task!.completingAt).toBeUndefined();
  const after = await DossierModel.findOne({ code }).lean();
  expect(after!.status).toBe(before!.status);
  expect(after!.timeline).toHaveLength(before!.timeline.length);

  const approved = await officer.post(`/api/tasks/${review._id}/complete`, {
    variables: { decision: 'approve' },
  });
  expect(approved.status).toBe(200);
  expect(approved.body.state).toBe('completed');
});
