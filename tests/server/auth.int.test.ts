// Sign-in through HTTP: cookie session with CSRF token, wrong passwords, rate limit, disabled accounts, logout,
// and sessions that survive a server restart.
import { AuditEventModel } from '../../server/models/AuditEvent';
import { SessionModel } from '../../server/models/Session';
import { ApiClient } from './support/api-client';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
const client = (lang?: string) => new ApiClient(() => system.url, lang);
const password = (username: string) => system.logins[username]!.password;

beforeAll(async () => {
  system = await startTestSystem({ env: { LOGIN_RATE_LIMIT: '3' } });
});
afterAll(() => system.close());

describe('login', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and returns the user and a CSRF token', async () => {
    const response = await fetch(`${system.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tiepnhan.hoankiem', password: password('tiepnhan.hoankiem') }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('motcua_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const body = (await response.json()) as {
      user: { roles: string[]; agency: { code: string } };
      csrfToken: string;
    };
    expect(body.user).toMatchObject({ roles: ['officer'], agency: { code: '001.00.31.H26' } });
    expect(body.csrfToken.length).toBeGreaterThan(20);
    // The store keeps an HMAC of the token, never the token itself.
    const token = decodeURIComponent(cookie.split(';')[0]!.split('=')[1]!);
    expect(await SessionModel.countDocuments({ _id: token })).toBe(0);
  });

  it('refuses a wrong password in Vietnamese (English on request) and audits the failure', async () => {
    const before = await AuditEventModel.countDocuments({ action: 'auth.login', outcome: 'failure' });
    const vi = await client().login('thietke', 'sai-mat-khau');
    expect(vi.status).toBe(401);
    expect(vi.body.error).toEqual({
      code: 'login_failed',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng',
      fields: [],
    });
    const en = await client('en').login('thietke', 'wrong-password');
    expect(en.body.error.message).toBe('Wrong username or password');
    expect(await AuditEventModel.countDocuments({ action: 'auth.login', outcome: 'failure' })).toBe(
      before + 2,
    );
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const response = await client().login('khong-co-ai', 'whatever-password');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('login_failed');
  });

  it('rate-limits failed logins per address and account, then refuses even the right password', async () => {
    for (let i = 0; i < 3; i++)
      expect((await client().login('chuyenvien.hoankiem', `wrong-${i}`)).status).toBe(401);
    const limited = await client().login('chuyenvien.hoankiem', password('chuyenvien.hoankiem'));
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('too_many_requests');
    // Another account from the same address is not locked out.
    expect((await client().login('lanhdao.hoankiem', password('lanhdao.hoankiem'))).status).toBe(200);
  });
});

describe('session', () => {
  it('requires the CSRF token on signed-in writes', async () => {
    const officer = client();
    await officer.login('tiepnhan.badinh', password('tiepnhan.badinh'));
    const forged = await officer.request(
      'POST',
      '/api/auth/logout',
      {},
      { headers: { 'x-csrf-token': 'forged' } },
    );
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf_invalid');
    expect((await officer.get('/api/auth/session')).status).toBe(200);
  });

  it('ends on logout', async () => {
    const officer = client();
    await officer.login('tiepnhan.badinh', password('tiepnhan.badinh'));
    expect((await officer.post('/api/auth/logout')).status).toBe(204);
    expect((await officer.get('/api/auth/session')).status).toBe(401);
  });

  it('survives a server restart', async () => {
    const designer = client();
    await designer.login('thietke', password('thietke'));
    await system.restartServer();
    const session = await designer.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user.username).toBe('thietke');
    expect(session.body.csrfToken).toBe(designer.csrfToken);
  });

  it('is refused at once when an admin disables the account, and the account cannot sign in', async () => {
    const admin = client();
    await admin.login('quantri', password('quantri'));
    const created = await admin.post('/api/users', {
      username: 'tam.thoi',
      displayName: 'Cán bộ tạm thời',
      roles: ['officer'],
      agencyCode: '001.00.31.H26',
      groups: ['mot-cua'],
      password: 'mat-khau-du-dai-123',
    });
    expect(created.status).toBe(201);
    const officer = client();
    expect((await officer.login('tam.thoi', 'mat-khau-du-dai-123')).status).toBe(200);

    expect((await admin.patch('/api/users/tam.thoi', { disabled: true })).status).toBe(200);
    expect((await officer.get('/api/dossiers')).status).toBe(401);
    const again = await client().login('tam.thoi', 'mat-khau-du-dai-123');
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('user_disabled');
    expect(await AuditEventModel.countDocuments({ action: 'user.update', 'target.key': 'tam.thoi' })).toBe(1);
  });
});
