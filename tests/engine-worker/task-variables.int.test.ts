// An officer completes a task with exactly the variables its model declares (its form's fields, a routed
// decision and that decision's reason): the system's own names (which dossier, which agency, deadlines), unknown
// names, wrong types and oversize values are a 400 naming `variables.<name>`, before the lock and the engine.
// The workers find a job's dossier by its process instance, so an overwritten dossierId or agencyCode acts on
// no other dossier; the change a completion leads to is recorded as that officer's.
import { AuditEventModel } from '../../server/models/AuditEvent';
import { DossierModel, type Dossier } from '../../server/models/Dossier';
import { TaskModel } from '../../server/models/Task';
import type { ApiClient } from '../server/support/api-client';
import { birthRegistrationFiling, openTask, signInAll } from './filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

const BA_DINH = '001.00.32.H26';

let system: LifecycleSystem;
let as: Record<string, ApiClient> = {};

beforeAll(async () => {
  system = await startLifecycleSystem();
  as = await signInAll(system, ['tiepnhan.hoankiem', 'tiepnhan.badinh', 'chuyenvien.hoankiem']);
});
afterAll(() => system.close());

const stored = (code: string) => DossierModel.findOne({ code }).lean();

/** A counter filing at the agency of `counter`, accepted and waiting at its review task. */
async function fileAndAwaitReview(counter: string, applicant = {}): Promise<Dossier> {
  const filed = await as[counter]!.post('/api/dossiers', birthRegistrationFiling(applicant));
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  await eventually(`review task of ${code}`, () =>
    TaskModel.exists({ dossierCode: code, elementId: 'Review', state: 'open' }).then((t) => !!t),
  );
  return (await stored(code))!;
}

interface InspectedJob {
  key: string;
  state: string;
  elementId: string;
  processInstanceKey: string;
  errorMessage?: string;
}

async function engineJobs(): Promise<InspectedJob[]> {
  return system.inspect<InspectedJob[]>('/jobs');
}

async function rootVariables(processInstanceKey: string): Promise<Record<string, unknown>> {
  const view = await system.inspect<{
    variables: { scopeKey: string; variables: Record<string, unknown> }[];
  }>(`/process-instances/${processInstanceKey}`);
  return view.variables.find((v) => v.scopeKey === processInstanceKey)?.variables ?? {};
}

function unchanged(before: Dossier, after: Dossier | null) {
  expect(after!.status).toBe(before.status);
  expect(after!.timeline).toHaveLength(before.timeline.length);
  expect(after!.slips ?? []).toHaveLength((before.slips ?? []).length);
}

test("the system's variables, unknown names, wrong types and oversize values are a 400 naming the field, and nothing moves", async () => {
  const other = await fileAndAwaitReview('tiepnhan.badinh', { name: 'Lê Thị Ba Đình' });
  const own = await fileAndAwaitReview('tiepnhan.hoankiem');
  const officer = as['chuyenvien.hoankiem']!;
  const review = await openTask(officer, own.code, 'Review');
  const { jobKey } = (await TaskModel.findById(review._id).lean())!;
  const otherBefore = (await stored(other.code))!;
  const ownBefore = (await stored(own.code))!;
  const ownVariables = await rootVariables(own.processInstanceKey!);

  const refuse = { decision: 'refuse', refusalReason: 'x' };
  const probes: [Record<string, unknown>, string][] = [
    [{ ...refuse, dossierId: other._id.toHexString() }, 'dossierId'],
    [{ ...refuse, dossierCode: other.code }, 'dossierCode'],
    [{ decision: 'approve', agencyCode: BA_DINH }, 'agencyCode'],
    [{ decision: 'approve', procedureCode: '1.000894' }, 'procedureCode'],
    [{ decision: 'approve', channel: 'online' }, 'channel'],
    [{ decision: 'approve', accepted: false }, 'accepted'],
    [{ decision: 'approve', dueAt: '2030-01-01T17:00:00+07:00' }, 'dueAt'],
    [{ decision: 'approve', stepDueAt: '2030-01-01T17:00:00+07:00' }, 'stepDueAt'],
    [{ decision: 'approve', residenceDecision: 'approve' }, 'residenceDecision'],
    [{ decision: 'approve', reviewerVerdict: 'ok' }, 'reviewerVerdict'],
    // The leader's reason for sending back is not a field of the review step.
    [{ decision: 'approve', returnReason: 'x' }, 'returnReason'],
    [{ decision: 'refuse', refusalReason: 42 }, 'refusalReason'],
    [{ decision: 'refuse', refusalReason: 'x'.repeat(2001) }, 'refusalReason'],
    [{ decision: 'supplement', supplementReason: 'x', missingComponents: 'to-khai' }, 'missingComponents'],
    [{ decision: 7 }, 'decision'],
    [{ decision: 'refuse' }, 'refusalReason'],
  ];
  for (const [variables, name] of probes) {
    const refused = await officer.post(`/api/tasks/${review._id}/complete`, { variables });
    expect({ name, status: refused.status, code: refused.body.error?.code }).toEqual({
      name,
      status: 400,
      code: 'validation_failed',
    });
    const field = (refused.body.error.fields as { path: string; message: string }[]).find(
      (f) => f.path === `variables.${name}`,
    );
    expect(field?.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  }
  const dossierId = await officer.post(`/api/tasks/${review._id}/complete`, {
    variables: { ...refuse, dossierId: other._id.toHexString() },
  });
  expect(dossierId.body.error.fields).toEqual([
    {
      path: 'variables.dossierId',
      message: 'Biến "dossierId" do hệ thống quản lý, không được ghi khi hoàn thành nhiệm vụ',
    },
  ]);

  // Nothing locked, nothing sent to the engine, neither dossier changed.
  const task = await TaskModel.findById(review._id).lean();
  expect(task).toMatchObject({ state: 'open' });
  expect(task!.completingAt).toBeUndefined();
  expect((await engineJobs()).find((j) => j.key === jobKey)?.state).toBe('ACTIVATED');
  expect(await rootVariables(own.processInstanceKey!)).toEqual(ownVariables);
  unchanged(otherBefore, await stored(other.code));
  unchanged(ownBefore, await stored(own.code));

  // The declared variables complete the task; the refusal it leads to is the officer's, on his own dossier.
  const refused = await officer.post(`/api/tasks/${review._id}/complete`, {
    variables: { decision: 'refuse', refusalReason: 'Hồ sơ không thuộc thẩm quyền giải quyết' },
  });
  expect(refused.status).toBe(200);
  const done = await eventually('the refusal', async () => {
    const now = await stored(own.code);
    return now?.status === 3 ? now : undefined;
  });
  const refusal = done.timeline.find((e) => e.action === 'dossier.refused');
  expect(refusal?.actor).toMatchObject({ kind: 'user', username: 'chuyenvien.hoankiem' });
  const completed = done.timeline.find((e) => e.action === 'task.completed');
  expect(completed?.actor).toMatchObject({ kind: 'user', username: 'chuyenvien.hoankiem' });
  unchanged(otherBefore, await stored(other.code));
  // The audit trail has the one completion that went through, by the officer, with the names he set.
  const audited = await AuditEventModel.find({ action: 'task.complete', 'target.id': review._id }).lean();
  expect(audited).toHaveLength(1);
  expect(audited[0]).toMatchObject({
    actor: { kind: 'user', username: 'chuyenvien.hoankiem' },
    target: { kind: 'task', key: own.code },
    details: { elementId: 'Review', decision: 'refuse', variables: ['decision', 'refusalReason'] },
  });
});

test('a job whose dossierId was overwritten in the engine fails without touching either dossier', async () => {
  const other = await fileAndAwaitReview('tiepnhan.badinh', { name: 'Lê Thị Ba Đình' });
  const own = await fileAndAwaitReview('tiepnhan.hoankiem');
  const officer = as['chuyenvien.hoankiem']!;
  const review = await openTask(officer, own.code, 'Review');
  // What no officer can do through the API: write the other dossier's id into the instance.
  await system.engine.zeebe.setVariables({
    elementInstanceKey: own.processInstanceKey!,
    variables: { dossierId: other._id.toHexString() },
    local: false,
  });
  const otherBefore = (await stored(other.code))!;
  const refused = await officer.post(`/api/tasks/${review._id}/complete`, {
    variables: { decision: 'refuse', refusalReason: 'Hồ sơ không thuộc thẩm quyền giải quyết' },
  });
  expect(refused.status).toBe(200);
  const failed = await eventually('the refusal job failed', async () =>
    (await engineJobs()).find(
      (j) =>
        j.processInstanceKey === own.processInstanceKey &&
        j.elementId === 'Refuse' &&
        j.state === 'FAILED' &&
        j.errorMessage?.includes('không khớp'),
    ),
  );
  expect(failed.errorMessage).toContain('dossierId');
  unchanged(otherBefore, await stored(other.code));
  const ownAfter = (await stored(own.code))!;
  expect(ownAfter.status).not.toBe(3);
  expect(ownAfter.timeline.some((e) => e.action === 'dossier.refused')).toBe(false);
});

test("a user task whose agencyCode was overwritten reaches no other agency's inbox", async () => {
  const own = await fileAndAwaitReview('tiepnhan.hoankiem');
  const officer = as['chuyenvien.hoankiem']!;
  const review = await openTask(officer, own.code, 'Review');
  await system.engine.zeebe.setVariables({
    elementInstanceKey: own.processInstanceKey!,
    variables: { agencyCode: BA_DINH },
    local: false,
  });
  const approved = await officer.post(`/api/tasks/${review._id}/complete`, {
    variables: { decision: 'approve' },
  });
  expect(approved.status).toBe(200);
  await eventually('the sign task refused by the bridge', async () =>
    (await engineJobs()).find(
      (j) =>
        j.processInstanceKey === own.processInstanceKey &&
        j.elementId === 'Sign' &&
        j.state === 'FAILED' &&
        j.errorMessage?.includes('agencyCode'),
    ),
  );
  expect(await TaskModel.exists({ dossierCode: own.code, elementId: 'Sign' })).toBeNull();
});
