// The last active administrator through HTTP: demoting or disabling them is refused with 409 and changes
// nothing; with another active administrator it is allowed; two demoting themselves at once leave one.
import { UserModel } from '../../server/models/User';
import { ApiClient } from './support/api-client';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
const admin = new ApiClient(() => system.url);

beforeAll(async () => {
  system = await startTestSystem();
  expect((await admin.login('quantri', system.logins.quantri!.password)).status).toBe(200);
});
afterAll(() => system.close());

const stored = (username: string) =>
  UserModel.findOne({ username }, { roles: 1, disabled: 1, displayName: 1, passwordHash: 1 }).lean();

async function createAdmin(username: string): Promise<ApiClient> {
  const password = 'mat-khau-du-dai-123';
  const created = await admin.post('/api/users', {
    username,
    displayName: 'Quản trị dự phòng',
    roles: ['admin'],
    password,
  });
  expect(created.status).toBe(201);
  const client = new ApiClient(() => system.url);
  expect((await client.login(username, password)).status).toBe(200);
  return client;
}

describe('the last active administrator', () => {
  it('cannot demote themselves: 409 in Vietnamese, and nothing of the change is written', async () => {
    const before = await stored('quantri');
    const refused = await admin.patch('/api/users/quantri', {
      roles: ['officer'],
      displayName: 'Đổi tên',
      password: 'mat-khau-moi-du-dai',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'last_active_admin',
      message:
        'Không thể bỏ quyền quản trị hoặc khóa quản trị viên cuối cùng đang hoạt động; hãy cấp quyền quản trị cho người khác trước',
      fields: [],
    });
    expect(await stored('quantri')).toEqual(before);
    expect((await admin.get('/api/users')).status).toBe(200);
  });

  it('cannot be disabled', async () => {
    const refused = await admin.patch('/api/users/quantri', { disabled: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('last_active_admin');
    expect((await stored('quantri'))!.disabled).toBe(false);
    expect((await admin.get('/api/users')).status).toBe(200);
  });

  it('is still the last one when the other administrator is disabled', async () => {
    await createAdmin('quantri.tam');
    expect((await admin.patch('/api/users/quantri.tam', { disabled: true })).status).toBe(200);
    expect((await admin.patch('/api/users/quantri', { roles: ['designer'] })).status).toBe(409);
    expect((await stored('quantri'))!.roles).toEqual(['admin']);
  });

  it('may step down once another administrator is active, who then is the last one', async () => {
    const other = await createAdmin('quantri.moi');
    expect((await admin.patch('/api/users/quantri', { roles: ['admin', 'designer'] })).status).toBe(200);
    expect((await admin.patch('/api/users/quantri', { roles: ['designer'] })).status).toBe(200);
    expect((await stored('quantri'))!.roles).toEqual(['designer']);
    expect((await other.patch('/api/users/quantri.moi', { roles: ['officer'] })).status).toBe(409);
    expect((await other.patch('/api/users/quantri', { roles: ['admin'] })).status).toBe(200);
  });

  it('leaves one active administrator when two demote themselves at the same moment', async () => {
    // quantri and quantri.moi are both active administrators now.
    const other = new ApiClient(() => system.url);
    expect((await other.login('quantri.moi', 'mat-khau-du-dai-123')).status).toBe(200);
    const again = new ApiClient(() => system.url);
    expect((await again.login('quantri', system.logins.quantri!.password)).status).toBe(200);
    const answers = await Promise.all([
      again.patch('/api/users/quantri', { roles: ['designer'] }),
      other.patch('/api/users/quantri.moi', { roles: ['officer'] }),
    ]);
    expect(answers.map((a) => a.status).every((s) => s === 200 || s === 409)).toBe(true);
    expect(await UserModel.countDocuments({ roles: 'admin', disabled: false })).toBeGreaterThanOrEqual(1);
    for (const [username, answer] of [
      ['quantri', answers[0]!],
      ['quantri.moi', answers[1]!],
    ] as const) {
      expect((await stored(username))!.roles.includes('admin')).toBe(answer.status === 409);
    }
  });
});
