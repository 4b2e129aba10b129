// A dossier's whole life through the real interfaces: counter intake over HTTP, the procedure's process on the
// embedded engine through zeebe-node, the job workers, the officers' inbox, slips and e-mail over SMTP.
import { DossierModel } from '../../server/models/Dossier';
import { pdfText } from '../server/slips/pdf-text';
import type { ApiClient } from '../server/support/api-client';
import { birthRegistrationFiling, openTask, signInAll } from './filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

let system: LifecycleSystem;
let as: Record<string, ApiClient> = {};

beforeAll(async () => {
  system = await startLifecycleSystem();
  as = await signInAll(system, ['tiepnhan.hoankiem', 'chuyenvien.hoankiem', 'lanhdao.hoankiem']);
});
afterAll(() => system.close());

const counter = () => as['tiepnhan.hoankiem']!;
const specialist = () => as['chuyenvien.hoankiem']!;
const leader = () => as['lanhdao.hoankiem']!;

async function fileBirthRegistration(email = 'an.nguyen@example.vn') {
  const response = await counter().post('/api/dossiers', birthRegistrationFiling({ email }));
  expect(response.status).toBe(201);
  expect(response.body.dossier.code).toMatch(/^001\.00\.31\.H26-\d{6}-\d{4}$/);
  return response.body.dossier.code as string;
}

const stored = (code: string) => DossierModel.findOne({ code }).lean();

async function complete(client: ApiClient, taskId: string, variables: Record<string, unknown>) {
  return client.post(`/api/tasks/${taskId}/complete`, { variables });
}

test('birth registration from counter intake to result return', async () => {
  const code = await fileBirthRegistration();
  const received = await eventually('receipt', async () => {
    const d = await stored(code);
    return d?.status === 2 && d.slips?.some((s) => s.kind === '01') ? d : undefined;
  });
  expect(received.processInstanceKey).toBeTruthy();
  expect(received.appointmentAt).toBeInstanceOf(Date);
  expect(received.slips!.find((s) => s.kind === '01')!.data).toMatchObject({ dossierCode: code });

  const review = await openTask(specialist(), code, 'Review');
  // The counter officer is not a specialist: the task is not theirs to see.
  expect((await counter().post(`/api/tasks/${review._id}/claim`)).status).toBe(404);
  expect((await specialist().post(`/api/tasks/${review._id}/claim`)).status).toBe(200);
  expect((await complete(specialist(), review._id, { decision: 'approve' })).status).toBe(200);
  expect((await stored(code))!.status).toBe(4);

  const stale = await complete(specialist(), review._id, { decision: 'approve' });
  expect(stale.status).toBe(409);
  expect(stale.body.error.message).toMatch(/đã được hoàn thành/);

  const sign = await openTask(leader(), code, 'Sign');
  expect((await complete(leader(), sign._id, { decision: 'approve' })).status).toBe(200);
  const resolved = await eventually('result ready', async () => {
    const d = await stored(code);
    return d?.status === 9 ? d : undefined;
  });
  expect(resolved.completionTiming).toMatch(/^(early|on-time)$/);
  await eventually('result e-mail', async () =>
    system.mails.find(
      (m) =>
        m.raw.includes(code) &&
        /co-ket-qua|=C4=91=C3=A3 c=C3=B3 k=E1=BA=BFt qu=E1=BA=A3|đã có kết quả/i.test(m.raw),
    ),
  );

  const handOver = await openTask(counter(), code, 'HandOverResult');
  expect(
    (
      await complete(counter(), handOver._id, {
        decision: 'approve',
        returnChannel: 'post',
        receivedBy: 'Bưu điện',
      })
    ).status,
  ).toBe(200);
  const delivered = await eventually('result delivered', async () => {
    const d = await stored(code);
    return d?.status === 10 ? d : undefined;
  });
  expect(delivered.returnedAt).toBeInstanceOf(Date);
  expect(delivered.returnChannel).toBe('post');
  const actions = delivered.timeline.map((e) => e.action);
  expect(actions).toEqual(
    expect.arrayContaining([
      'dossier.submitted',
      'process.started',
      'dossier.accepted',
      'task.completed',
      'dossier.resolved',
      'dossier.delivered',
    ]),
  );
  // Every worker step names its BPMN element.
  expect(
    delivered.timeline
      .filter((e) => e.actor.kind === 'system' && e.action !== 'process.started')
      .every((e) => e.elementId),
  ).toBe(true);
});

test('a supplement round trip pauses the legal clock and resumes it', async () => {
  const code = await fileBirthRegistration();
  const review = await openTask(specialist(), code, 'Review');
  const before = (await eventually('due date', async () => (await stored(code))?.dueAt))!;
  const asked = await complete(specialist(), review._id, {
    decision: 'supplement',
    supplementReason: 'Giấy chứng sinh bị mờ, không đọc được số',
    missingComponents: ['giay-chung-sinh'],
  });
  expect(asked.status).toBe(200);
  const waiting = await eventually('supplement request', async () => {
    const d = await stored(code);
    return d?.status === 5 && d.supplementRequests?.length === 1 ? d : undefined;
  });
  expect(waiting.slips!.find((s) => s.kind === '02')?.formNumber).toMatch(/^\d+\/PBSHS$/);
  expect(waiting.supplementRequests![0]!.suppliedAt).toBeUndefined();

  const wrong = await counter().post(`/api/dossiers/${code}/supplement`, {
    documents: [{ component: 'so-do' }],
  });
  expect(wrong.status).toBe(400);
  expect(wrong.body.error.fields[0].path).toBe('documents[0].component');
  expect((await stored(code))!.status).toBe(5);

  const supplied = await counter().post(`/api/dossiers/${code}/supplement`, {
    documents: [{ component: 'giay-chung-sinh', original: true }],
  });
  expect(supplied.status).toBe(200);
  const again = await counter().post(`/api/dossiers/${code}/supplement`, {
    documents: [{ component: 'giay-chung-sinh', original: true }],
  });
  expect(again.status).toBe(409);

  const resumed = await openTask(specialist(), code, 'Review');
  expect(resumed._id).not.toBe(review._id);
  const after = await stored(code);
  expect(after!.supplementRequests![0]!.suppliedAt).toBeInstanceOf(Date);
  expect(after!.dueAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
});

test('a refusal issues the refusal slip with its reason', async () => {
  const code = await fileBirthRegistration();
  const review = await openTask(specialist(), code, 'Review');
  expect(
    (
      await complete(specialist(), review._id, {
        decision: 'refuse',
        refusalReason: 'Người yêu cầu không có quyền đăng ký',
      })
    ).status,
  ).toBe(200);
  const refused = await eventually('refusal', async () => {
    const d = await stored(code);
    return d?.status === 3 ? d : undefined;
  });
  const slip = refused.slips!.find((s) => s.kind === '03');
  expect(slip?.data).toMatchObject({ reason: 'Người yêu cầu không có quyền đăng ký' });
  expect(slip?.formNumber).toMatch(/^\d+\/TCHS$/);
});

test('a dossier that goes overdue gets its apology slip and a new appointment', async () => {
  const code = await fileBirthRegistration();
  await openTask(specialist(), code, 'Review');
  const dueAt = (await eventually('due date', async () => (await stored(code))?.dueAt))!;
  await system.advanceEngineClock(dueAt.getTime() - Date.now() + 60_000);
  const overdue = await eventually('apology slip', async () => {
    const d = await stored(code);
    return d?.slips?.some((s) => s.kind === '04') ? d : undefined;
  });
  expect(overdue.appointmentAt!.getTime()).toBeGreaterThan(dueAt.getTime());
  expect(overdue.dueAt!.getTime()).toBe(dueAt.getTime());
  expect(overdue.timeline.map((e) => e.action)).toEqual(
    expect.arrayContaining(['deadline.warning', 'dossier.overdue']),
  );
  // The apology (Mẫu 04) over HTTP: the agency's running number of the form, and signed by the person who
  // acted on the dossier (only the counter officer has so far).
  const apology = overdue.slips!.find((s) => s.kind === '04')!;
  expect(apology.formNumber).toMatch(/^\d+\/PXL$/);
  const response = await fetch(`${system.url}/api/dossiers/${code}/slips/${apology.number}.pdf`, {
    headers: { cookie: counter().cookie! },
  });
  expect(response.status).toBe(200);
  const { text } = await pdfText(Buffer.from(await response.arrayBuffer()));
  expect(text).toContain(`Số: ${apology.formNumber}`);
  expect(text).not.toContain(apology.number);
  expect(text).toContain('CÔNG CHỨC TIẾP NHẬN HỒ SƠ');
  expect(text).toContain('Nguyễn Thị Lan');
});
