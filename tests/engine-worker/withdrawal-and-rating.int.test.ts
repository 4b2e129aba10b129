// After filing: the applicant withdraws (the process's event subprocess ends it with status 7 and the open task
// disappears), and a delivered dossier is rated once with the code and secret on the receipt.
import { DossierModel } from '../../server/models/Dossier';
import { ApiClient } from '../server/support/api-client';
import { birthRegistrationFiling, openTask, signInAll } from './filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

let system: LifecycleSystem;
let as: Record<string, ApiClient> = {};

beforeAll(async () => {
  system = await startLifecycleSystem();
  as = await signInAll(system, [
    'tiepnhan.hoankiem',
    'chuyenvien.hoankiem',
    'lanhdao.hoankiem',
    'tiepnhan.badinh',
  ]);
});
afterAll(() => system.close());

async function file() {
  const response = await as['tiepnhan.hoankiem']!.post('/api/dossiers', birthRegistrationFiling());
  expect(response.status).toBe(201);
  return { code: response.body.dossier.code as string, secret: response.body.receiptSecret as string };
}

const task = (username: string, code: string, elementId: string) => openTask(as[username]!, code, elementId);

test('a withdrawal ends the process with status 7 and the open task is gone', async () => {
  const { code } = await file();
  const review = await task('chuyenvien.hoankiem', code, 'Review');
  expect((await as['tiepnhan.badinh']!.post(`/api/dossiers/${code}/withdraw`, { reason: 'x' })).status).toBe(
    404,
  );
  const missingReason = await as['tiepnhan.hoankiem']!.post(`/api/dossiers/${code}/withdraw`, {});
  expect(missingReason.status).toBe(400);
  expect(missingReason.body.error.fields[0].path).toBe('reason');

  const withdrawn = await as['tiepnhan.hoankiem']!.post(`/api/dossiers/${code}/withdraw`, {
    reason: 'Người nộp xin rút để bổ sung giấy tờ khác',
  });
  expect(withdrawn.status).toBe(202);
  await eventually('status 7', async () => (await DossierModel.findOne({ code }).lean())?.status === 7);
  const late = await as['chuyenvien.hoankiem']!.post(`/api/tasks/${review._id}/complete`, {
    variables: { decision: 'approve' },
  });
  expect(late.status).toBe(409);
  expect((await DossierModel.findOne({ code }).lean())!.status).toBe(7);
  expect(
    (await as['tiepnhan.hoankiem']!.post(`/api/dossiers/${code}/withdraw`, { reason: 'lần nữa' })).status,
  ).toBe(409);
});

test('a delivered dossier is rated once, with the receipt secret', async () => {
  const { code, secret } = await file();
  const citizen = new ApiClient(() => system.url);
  expect((await citizen.post('/api/public/dossier-rating', { code, secret, score: 5 })).status).toBe(409);

  for (const [username, elementId] of [
    ['chuyenvien.hoankiem', 'Review'],
    ['lanhdao.hoankiem', 'Sign'],
    ['tiepnhan.hoankiem', 'HandOverResult'],
  ] as const) {
    const open = await task(username, code, elementId);
    expect(
      (await as[username]!.post(`/api/tasks/${open._id}/complete`, { variables: { decision: 'approve' } }))
        .status,
    ).toBe(200);
  }
  await eventually('delivered', async () => (await DossierModel.findOne({ code }).lean())?.status === 10);

  expect(
    (await citizen.post('/api/public/dossier-rating', { code, secret: 'SAI-MAT-MA', score: 5 })).status,
  ).toBe(404);
  expect((await citizen.post('/api/public/dossier-rating', { code, secret, score: 6 })).status).toBe(400);
  const rated = await citizen.post('/api/public/dossier-rating', {
    code,
    secret,
    score: 4,
    comment: 'Nhanh, đúng hẹn',
  });
  expect(rated.status).toBe(200);
  const again = await citizen.post('/api/public/dossier-rating', { code, secret, score: 1 });
  expect(again.status).toBe(409);
  expect(again.body.error.message).toMatch(/đã được đánh giá/);
  expect((await DossierModel.findOne({ code }).lean())!.rating).toMatchObject({
    score: 4,
    comment: 'Nhanh, đúng hẹn',
  });
});
