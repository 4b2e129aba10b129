// The under-6 inter-agency package (birth registration, permanent residence, health insurance card) through the
// real interfaces: counter intake at the Hoàn Kiếm centre, the commune's process on the engine, transfers to
// the city police and social insurance with their own processes and officers, results back to the commune.
import { DossierModel } from '../../server/models/Dossier';
import type { ApiClient } from '../server/support/api-client';
import { openTask, signInAll, under6PackageFiling } from './filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

const police = '000.00.20.H26';
const insurance = '000.00.21.H26';
const centre = '001.00.31.H26';

let system: LifecycleSystem;
let as: Record<string, ApiClient> = {};

beforeAll(async () => {
  system = await startLifecycleSystem();
  as = await signInAll(system, [
    'tiepnhan.hoankiem',
    'chuyenvien.hoankiem',
    'lanhdao.hoankiem',
    'tiepnhan.badinh',
    'chuyenvien.congan',
    'lanhdao.congan',
    'chuyenvien.bhxh',
    'lanhdao.bhxh',
  ]);
});
afterAll(() => system.close());

const stored = (code: string) => DossierModel.findOne({ code }).lean();

async function approve(username: string, code: string, elementId: string, bpmnProcessId: string) {
  const client = as[username]!;
  const task = await openTask(client, code, elementId, bpmnProcessId);
  expect((await client.post(`/api/tasks/${task._id}/claim`)).status).toBe(200);
  const done = await client.post(`/api/tasks/${task._id}/complete`, { variables: { decision: 'approve' } });
  expect(done.status).toBe(200);
}

test('the under-6 package crosses commune, police and social insurance and returns at the counter', async () => {
  const filed = await as['tiepnhan.hoankiem']!.post(
    '/api/dossiers',
    under6PackageFiling({ email: 'hung.tran@example.vn' }),
  );
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  await eventually('receipt', async () => {
    const d = await stored(code);
    return d?.status === 2 && d.slips?.some((s) => s.kind === '01') ? d : undefined;
  });

  // Before any transfer the partner agencies do not see the dossier.
  expect((await as['chuyenvien.congan']!.get(`/api/dossiers/${code}`)).status).toBe(404);

  await approve('chuyenvien.hoankiem', code, 'Review', 'lien-thong-khai-sinh');
  await approve('lanhdao.hoankiem', code, 'Sign', 'lien-thong-khai-sinh');

  const transferred = await eventually('both forward hand-overs', async () => {
    const d = await stored(code);
    return d && (d.handovers?.length ?? 0) >= 2 ? d : undefined;
  });
  expect(transferred.handovers).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ fromAgencyCode: centre, toAgencyCode: police, step: 'Transfer_cong-an' }),
      expect.objectContaining({ fromAgencyCode: centre, toAgencyCode: insurance, step: 'Transfer_bhxh' }),
    ]),
  );
  for (const username of ['chuyenvien.congan', 'lanhdao.congan', 'chuyenvien.bhxh', 'lanhdao.bhxh']) {
    const seen = await as[username]!.get(`/api/dossiers/${code}`);
    expect([username, seen.status]).toEqual([username, 200]);
  }
  // An officer of an unrelated agency (another commune's centre) still does not.
  expect((await as['tiepnhan.badinh']!.get(`/api/dossiers/${code}`)).status).toBe(404);
  // The partner tasks are in the partner inboxes, not in the commune's.
  const centreTasks = (await as['chuyenvien.hoankiem']!.get('/api/tasks')).body.items as {
    dossierCode: string;
    bpmnProcessId: string;
  }[];

  await approve('chuyenvien.congan', code, 'Review', 'lien-thong-khai-sinh.cong-an');
  await approve('lanhdao.congan', code, 'Sign', 'lien-thong-khai-sinh.cong-an');
  await approve('chuyenvien.bhxh', code, 'Review', 'lien-thong-khai-sinh.bhxh');
  await approve('lanhdao.bhxh', code, 'Sign', 'lien-thong-khai-sinh.bhxh');
  expect(
    centreTasks.filter((t) => t.dossierCode === code && t.bpmnProcessId !== 'lien-thong-khai-sinh'),
  ).toEqual([]);

  const returned = await eventually('results back at the commune', async () => {
    const d = await stored(code);
    return d?.status === 9 && (d.handovers?.length ?? 0) >= 4 ? d : undefined;
  });
  expect(returned.handovers).toEqual(
    expect.arrayContaining([
      // Each partner hands back well within its share of the time: graded early on the control slip.
      expect.objectContaining({
        fromAgencyCode: police,
        toAgencyCode: centre,
        step: 'ReturnResult',
        timing: 'early',
      }),
      expect.objectContaining({
        fromAgencyCode: insurance,
        toAgencyCode: centre,
        step: 'ReturnResult',
        timing: 'early',
      }),
    ]),
  );
  expect(returned.handovers).toHaveLength(4);
  // Each partner's share is an instance of its own, bound to the dossier with the partner as its agency: its
  // jobs and inbox tasks find the dossier by that instance, not by a variable.
  expect(returned.processInstances).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ bpmnProcessId: 'lien-thong-khai-sinh.cong-an', agencyCode: police }),
      expect.objectContaining({ bpmnProcessId: 'lien-thong-khai-sinh.bhxh', agencyCode: insurance }),
    ]),
  );
  // The partner's hand-back follows its leader's approval: recorded as that leader's.
  expect(
    returned.timeline
      .filter((e) => e.action === 'dossier.result-returned-to-receiver')
      .map((e) => e.actor.username ?? e.actor.name)
      .sort(),
  ).toEqual(['lanhdao.bhxh', 'lanhdao.congan']);

  const handOver = await openTask(as['tiepnhan.hoankiem']!, code, 'HandOverResult', 'lien-thong-khai-sinh');
  const done = await as['tiepnhan.hoankiem']!.post(`/api/tasks/${handOver._id}/complete`, {
    variables: { decision: 'approve' },
  });
  expect(done.status).toBe(200);
  const delivered = await eventually('result delivered', async () => {
    const d = await stored(code);
    return d?.status === 10 ? d : undefined;
  });
  expect(delivered.timeline.map((e) => e.action)).toEqual(
    expect.arrayContaining([
      'dossier.transferred',
      'dossier.result-returned-to-receiver',
      'dossier.delivered',
    ]),
  );
});
