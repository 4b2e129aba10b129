// The inbox API over HTTP: unclaim (assignee or the agency's leader only, 409 once done, audited) and the list's
// filters (procedure, claimed, due window) with working days left and counts per urgency. Task rows are what
// the user-task bridge writes, stored through mongoose over the wire; everything else goes through HTTP.
import { Types } from 'mongoose';
import { addDays, startOfLocalDay, toLocalDate } from '../../processes/calendar';
import { AuditEventModel } from '../../server/models/AuditEvent';
import { AgencyModel } from '../../server/models/Agency';
import { DossierModel } from '../../server/models/Dossier';
import { TaskModel } from '../../server/models/Task';
import { ApiClient } from './support/api-client';
import { birthRegistrationCode, counterSubmission, publishBirthRegistration } from './support/fixtures';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
const as: Record<string, ApiClient> = {};
let dossier: { _id: Types.ObjectId; code: string; agency: Types.ObjectId };
let jobKeys = 1000;

beforeAll(async () => {
  system = await startTestSystem();
  await publishBirthRegistration();
  for (const username of [
    'tiepnhan.hoankiem',
    'chuyenvien.hoankiem',
    'lanhdao.hoankiem',
    'tiepnhan.badinh',
  ]) {
    as[username] = new ApiClient(() => system.url);
    expect((await as[username]!.login(username, system.logins[username]!.password)).status).toBe(200);
  }
  const code = (await as['tiepnhan.hoankiem']!.post('/api/dossiers', counterSubmission())).body.dossier
    .code as string;
  const stored = (await DossierModel.findOne({ code }).lean())!;
  const agency = (await AgencyModel.findOne({ code: '001.00.31.H26' }).lean())!;
  dossier = { _id: stored._id, code, agency: agency._id };
});
afterAll(() => system.close());
beforeEach(() => TaskModel.deleteMany({}));

async function bridgeTask(fields: { dueAt?: Date; assignee?: string; state?: 'open' | 'completed' } = {}) {
  const created = await TaskModel.create({
    jobKey: String(jobKeys++),
    processInstanceKey: '2251799813685249',
    bpmnProcessId: 'dang-ky-khai-sinh',
    elementId: 'Review',
    name: 'Thẩm định hồ sơ',
    dossier: dossier._id,
    dossierCode: dossier.code,
    agency: dossier.agency,
    candidateGroups: ['chuyen-vien', 'mot-cua'],
    candidateUsers: [],
    state: 'open',
    ...fields,
  });
  return created._id.toHexString();
}

describe('POST /api/tasks/:id/unclaim', () => {
  test('the assignee hands the task back; the groups see it unclaimed and it is audited', async () => {
    const id = await bridgeTask();
    expect((await as['chuyenvien.hoankiem']!.post(`/api/tasks/${id}/claim`, {})).body.assignee).toBe(
      'chuyenvien.hoankiem',
    );
    const released = await as['chuyenvien.hoankiem']!.post(`/api/tasks/${id}/unclaim`, {});
    expect(released.status).toBe(200);
    expect(released.body.assignee).toBeUndefined();
    expect((await TaskModel.findById(id).lean())!.assignee).toBeUndefined();
    const audit = await AuditEventModel.findOne({ action: 'task.unclaim', 'target.id': id }).lean();
    expect(audit).toMatchObject({
      actor: { username: 'chuyenvien.hoankiem' },
      target: { kind: 'task', key: dossier.code },
      details: { previousAssignee: 'chuyenvien.hoankiem' },
    });
    // Unclaimed now: another officer of the groups may take it.
    expect((await as['tiepnhan.hoankiem']!.post(`/api/tasks/${id}/claim`, {})).status).toBe(200);
  });

  test("another officer may not take a colleague's task away; the agency's leader may", async () => {
    const id = await bridgeTask({ assignee: 'chuyenvien.hoankiem' });
    const refused = await as['tiepnhan.hoankiem']!.post(`/api/tasks/${id}/unclaim`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/không có quyền/);
    expect((await TaskModel.findById(id).lean())!.assignee).toBe('chuyenvien.hoankiem');
    // The leader is not in the task's groups but leads the agency.
    const released = await as['lanhdao.hoankiem']!.post(`/api/tasks/${id}/unclaim`, {});
    expect(released.status).toBe(200);
    expect((await TaskModel.findById(id).lean())!.assignee).toBeUndefined();
    const audit = await AuditEventModel.findOne({ action: 'task.unclaim', 'target.id': id }).lean();
    expect(audit).toMatchObject({
      actor: { username: 'lanhdao.hoankiem' },
      details: { previousAssignee: 'chuyenvien.hoankiem' },
    });
  });

  test('a done task answers 409 with the reason in Vietnamese and stays as it is', async () => {
    const id = await bridgeTask({ assignee: 'chuyenvien.hoankiem', state: 'completed' });
    const answer = await as['chuyenvien.hoankiem']!.post(`/api/tasks/${id}/unclaim`, {});
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: 'task_not_open' });
    expect(answer.body.error.message).toMatch(/đã được hoàn thành/);
    expect((await TaskModel.findById(id).lean())!).toMatchObject({
      assignee: 'chuyenvien.hoankiem',
      state: 'completed',
    });
  });

  test('a task being completed right now is not released', async () => {
    const id = await bridgeTask({ assignee: 'chuyenvien.hoankiem' });
    await TaskModel.updateOne({ _id: id }, { $set: { completingAt: new Date() } });
    const answer = await as['lanhdao.hoankiem']!.post(`/api/tasks/${id}/unclaim`, {});
    expect(answer.status).toBe(409);
    expect((await TaskModel.findById(id).lean())!.assignee).toBe('chuyenvien.hoankiem');
  });

  test("another agency's officer and an unknown id get 404", async () => {
    const id = await bridgeTask({ assignee: 'chuyenvien.hoankiem' });
    expect((await as['tiepnhan.badinh']!.post(`/api/tasks/${id}/unclaim`, {})).status).toBe(404);
    const unknown = new Types.ObjectId().toHexString();
    expect((await as['lanhdao.hoankiem']!.post(`/api/tasks/${unknown}/unclaim`, {})).status).toBe(404);
    expect((await TaskModel.findById(id).lean())!.assignee).toBe('chuyenvien.hoankiem');
  });
});

describe('GET /api/tasks filters', () => {
  test('due window, claimed and procedure filters; urgency by working days; counts per urgency', async () => {
    const now = Date.now();
    const overdue = await bridgeTask({ dueAt: new Date(now - 3_600_000), assignee: 'chuyenvien.hoankiem' });
    // The last minute of today, local time: due today, 0 working days left.
    const endOfToday = new Date(startOfLocalDay(addDays(toLocalDate(new Date()), 1)).getTime() - 60_000);
    const today = await bridgeTask({ dueAt: endOfToday });
    const later = await bridgeTask({ dueAt: new Date(now + 20 * 86_400_000) });
    const undated = await bridgeTask();
    const ids = async (query: string) =>
      ((await as['chuyenvien.hoankiem']!.get(`/api/tasks?${query}`)).body.items as { _id: string }[]).map(
        (t) => t._id,
      );

    const all = await as['chuyenvien.hoankiem']!.get('/api/tasks');
    expect(all.status).toBe(200);
    // Due first, undated last.
    expect(all.body.items.map((t: { _id: string }) => t._id)).toEqual([overdue, today, later, undated]);
    const byId = new Map(all.body.items.map((t: { _id: string }) => [t._id, t]));
    expect(byId.get(overdue)).toMatchObject({ urgency: 'overdue' });
    expect(byId.get(today)).toMatchObject({ urgency: 'near-due', remainingWorkingDays: 0 });
    expect(byId.get(later)).toMatchObject({ urgency: 'on-track' });
    expect((byId.get(later) as { remainingWorkingDays: number }).remainingWorkingDays).toBeGreaterThan(5);
    expect(byId.get(undated)).toMatchObject({ urgency: 'none' });
    expect(byId.get(undated)).not.toHaveProperty('remainingWorkingDays');
    expect(byId.get(today)).toMatchObject({
      procedure: { code: birthRegistrationCode, name: 'Đăng ký khai sinh' },
    });
    expect(all.body.counts).toEqual({
      total: 4,
      overdue: 1,
      'near-due': 1,
      'on-track': 1,
      none: 1,
      unclaimed: 3,
    });

    expect(await ids('due=overdue')).toEqual([overdue]);
    expect(await ids('due=today')).toEqual([today]);
    expect(await ids('due=week')).toEqual(expect.arrayContaining([today]));
    expect(await ids('due=week')).not.toContain(overdue);
    expect(await ids('due=week')).not.toContain(later);
    expect(await ids('claimed=true')).toEqual([overdue]);
    expect(await ids('claimed=false')).toEqual([today, later, undated]);
    expect(await ids('mine=true')).toEqual([overdue]);
    expect(await ids(`procedure=${birthRegistrationCode}`)).toHaveLength(4);
    expect(await ids('procedure=1.000894')).toEqual([]);
    // Counts follow the other filters but not the due window: the chips stay meaningful while filtering.
    const filtered = await as['chuyenvien.hoankiem']!.get('/api/tasks?due=today&claimed=false');
    expect(filtered.body.counts).toMatchObject({ total: 3, overdue: 0, 'near-due': 1, unclaimed: 3 });
    expect((await as['chuyenvien.hoankiem']!.get('/api/tasks?due=tomorrow')).status).toBe(400);
  });
});
