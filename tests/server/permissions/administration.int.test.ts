// Who may not, on administration and reporting: users, the organisation tree, holidays, the audit trail,
// statistics, and the session itself. Each refusal leaves every document of the store as it was; a leader's
// report counts their own agency only.
import { toLocalDate } from '../../../processes/calendar';
import { CaughtMailModel } from '../../../server/models/CaughtMail';
import { buildDossierWorld, baDinhCode, hoanKiemCode, type DossierWorld } from './support/dossier-world';
import { startPermissionSystem, type PermissionSystem } from './support/permission-system';
import { roleMatrix, send, testRefusals } from './support/refused-calls';
import { storeChanges, storeSnapshot } from '../support/store-snapshot';

let system: PermissionSystem;
let world: DossierWorld;

const holiday = '2026-09-02';
const today = toLocalDate(new Date());
const period = `from=${today.slice(0, 4)}-01-01&to=${today.slice(0, 4)}-12-31`;
const caughtApplicant = 'Nguyễn Văn An, số định danh 001099012345';
const newUser = {
  username: 'canbo.moi',
  displayName: 'Cán bộ mới',
  roles: ['admin'],
  password: 'mat-khau-du-dai-12',
};

beforeAll(async () => {
  system = await startPermissionSystem();
  world = await buildDossierWorld(system);
  const created = await system.as.quantri.post('/api/holidays', {
    date: holiday,
    kind: 'day-off',
    name: 'Quốc khánh',
  });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  // What the applicant of Hoàn Kiếm's dossier would have been sent, caught instead of mailed.
  await CaughtMailModel.create({
    from: 'motcua@hanoi.gov.vn',
    to: ['an.nguyen@example.vn'],
    subject: `Hồ sơ ${world.hoanKiem.code} đã có kết quả`,
    text: `Kính gửi ${caughtApplicant}`,
    receivedAt: new Date(),
  });
});
afterAll(() => system.close());

const context = () => ({ system, world, secrets: world.secrets });

describe('users: role refusals', () => {
  testRefusals(
    context,
    roleMatrix<'users', DossierWorld>('users', {
      list: { path: () => '/api/users' },
      create: { path: () => '/api/users', body: () => newUser },
      // The caller tries to make themselves admin.
      update: { path: () => '/api/users/tiepnhan.hoankiem', body: () => ({ roles: ['admin'] }) },
    }),
  );
});

describe('holidays: role refusals', () => {
  testRefusals(
    context,
    roleMatrix<'holidays', DossierWorld>('holidays', {
      list: { path: () => '/api/holidays?year=2026' },
      create: {
        path: () => '/api/holidays',
        body: () => ({ date: '2026-04-30', kind: 'day-off', name: 'Giải phóng' }),
      },
      remove: { path: () => `/api/holidays/${holiday}` },
    }),
  );
});

describe('audit: role refusals', () => {
  testRefusals(
    context,
    roleMatrix<'audit', DossierWorld>('audit', { list: { path: () => '/api/audit-events' } }),
  );
});

describe('statistics: role refusals', () => {
  testRefusals(
    context,
    roleMatrix<'statistics', DossierWorld>('statistics', {
      report: { path: () => `/api/statistics?${period}` },
      csv: { path: () => `/api/statistics.csv?${period}` },
    }),
  );
});

describe('the development mail catcher: role refusals', () => {
  testRefusals(
    context,
    roleMatrix<'devMail', DossierWorld>('devMail', { list: { path: () => '/api/dev/mail' } }),
  );
});

test("the mail catcher's page shows caught mail to admins only", async () => {
  const before = await storeSnapshot();
  for (const [who, status] of [
    ['anonymous', 401],
    ['congdan', 403],
    ['lanhdao.hoankiem', 403],
    ['thietke', 403],
  ] as const) {
    const page = await send(system, system.as[who], 'GET', '/dev/mail', undefined, { accept: 'text/html' });
    expect({ who, status: page.status }).toEqual({ who, status });
    expect(String(page.body)).not.toContain(caughtApplicant);
  }
  expect(storeChanges(before, await storeSnapshot())).toEqual([]);
  const admin = await send(system, system.as.quantri, 'GET', '/dev/mail', undefined, { accept: 'text/html' });
  expect(admin.status).toBe(200);
  expect(String(admin.body)).toContain(caughtApplicant);
});

describe('the session: role refusals', () => {
  testRefusals(
    context,
    roleMatrix<'auth', DossierWorld>('auth', {
      logout: { path: () => '/api/auth/logout', body: () => ({}) },
      session: { path: () => '/api/auth/session' },
    }),
  );
});

describe('the organisation tree has no write operation', () => {
  testRefusals(context, [
    {
      who: 'quantri',
      what: 'adds an agency',
      method: 'POST',
      path: '/api/agencies',
      body: { code: '001.00.99.H26', name: 'Cơ quan giả' },
      status: 404,
    },
    {
      who: 'quantri',
      what: 'renames an agency',
      method: 'PATCH',
      path: `/api/agencies/${hoanKiemCode}`,
      body: { name: 'Cơ quan giả' },
      status: 404,
    },
    {
      who: 'quantri',
      what: 'removes an agency',
      method: 'DELETE',
      path: `/api/agencies/${baDinhCode}`,
      status: 404,
    },
  ]);
});

// Finding 3 of the security issue (branch h13-dates closes it): an impossible date is refused, not stored.
describe('holidays: an impossible date is refused even to an admin', () => {
  testRefusals(context, [
    {
      who: 'quantri',
      what: 'adds 31 February as a day off',
      method: 'POST',
      path: '/api/holidays',
      body: { date: '2027-02-31', kind: 'day-off', name: 'Ngày không có' },
      status: 400,
    },
  ]);
});

test("a leader's report counts their own agency only", async () => {
  const report = async (who: 'lanhdao.hoankiem' | 'lanhdao.congan' | 'quantri') => {
    const response = await system.as[who].get(`/api/statistics?${period}&groupBy=agency`);
    expect(response.status).toBe(200);
    return JSON.stringify(response.body.items);
  };
  const police = await report('lanhdao.congan');
  expect(police).not.toContain(hoanKiemCode);
  expect(police).not.toContain(baDinhCode);
  const hoanKiem = await report('lanhdao.hoankiem');
  expect(hoanKiem).toContain(hoanKiemCode);
  expect(hoanKiem).not.toContain(baDinhCode);
  const all = await report('quantri');
  expect(all).toContain(hoanKiemCode);
  expect(all).toContain(baDinhCode);
});

test('the allowed side of the same calls: the admin manages users and holidays and reads the audit trail', async () => {
  const admin = system.as.quantri;
  expect((await admin.get('/api/users')).status).toBe(200);
  expect((await admin.get('/api/audit-events')).status).toBe(200);
  expect((await admin.post('/api/users', newUser)).status).toBe(201);
  expect((await admin.patch('/api/users/canbo.moi', { roles: ['designer'] })).status).toBe(200);
  expect(
    (await admin.post('/api/holidays', { date: '2026-04-30', kind: 'day-off', name: 'Giải phóng' })).status,
  ).toBe(201);
  expect((await admin.delete(`/api/holidays/${holiday}`)).status).toBe(204);
  expect((await system.as['lanhdao.hoankiem'].get(`/api/statistics.csv?${period}`)).status).toBe(200);
  expect((await system.as.congdan.get('/api/holidays?year=2026')).status).toBe(200);
  expect((await system.as.congdan.get('/api/auth/session')).status).toBe(200);
});

// Finding 6 of the security issue (branch h13-auth closes it): the last active admin cannot remove their own
// admin role. Last in the file: on today's code it demotes the only admin.
describe('users: the last active admin cannot demote themselves', () => {
  testRefusals(context, [
    {
      who: 'quantri',
      what: 'the only admin drops their own admin role',
      method: 'PATCH',
      path: '/api/users/quantri',
      body: { roles: ['designer'] },
      status: 409,
    },
  ]);
});
