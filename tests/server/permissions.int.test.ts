// Who may not: every forbidden path answers 401/403/404 and leaves the store exactly as it was.
import { DossierModel } from '../../server/models/Dossier';
import { validBirthDeclaration } from '../forms/fixtures';
import { ApiClient } from './support/api-client';
import { counterSubmission, publishBirthRegistration } from './support/fixtures';
import { storeCounts } from './support/store-snapshot';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
const as: Record<string, ApiClient> = {};
let hoanKiemCode: string;

beforeAll(async () => {
  system = await startTestSystem();
  await publishBirthRegistration();
  for (const username of [
    'quantri',
    'thietke',
    'tiepnhan.hoankiem',
    'lanhdao.hoankiem',
    'tiepnhan.badinh',
    'congdan',
  ]) {
    as[username] = new ApiClient(() => system.url);
    expect((await as[username]!.login(username, system.logins[username]!.password)).status).toBe(200);
  }
  as.anonymous = new ApiClient(() => system.url);
  hoanKiemCode = (await as['tiepnhan.hoankiem']!.post('/api/dossiers', counterSubmission())).body.dossier
    .code;
});
afterAll(() => system.close());

const procedureBody = {
  code: '1.000894',
  names: { vi: 'Đăng ký kết hôn' },
  field: { name: 'Hộ tịch' },
  level: 'commune',
  version: { bpmnProcessId: 'dang-ky-ket-hon', timeLimit: { value: 5, unit: 'working-days' } },
};

const forbiddenCalls: [string, string, string, string, unknown, number][] = [
  ['anonymous', 'lists dossiers', 'GET', '/api/dossiers', undefined, 401],
  ['anonymous', 'submits a dossier', 'POST', '/api/dossiers', counterSubmission(), 401],
  ['anonymous', 'creates a procedure', 'POST', '/api/procedures', procedureBody, 401],
  ['quantri', 'lists dossiers (admins manage, officers act)', 'GET', '/api/dossiers', undefined, 403],
  ['thietke', 'lists dossiers', 'GET', '/api/dossiers', undefined, 403],
  ['thietke', 'submits a dossier', 'POST', '/api/dossiers', counterSubmission(), 403],
  ['lanhdao.hoankiem', 'submits a dossier', 'POST', '/api/dossiers', counterSubmission(), 403],
  ['tiepnhan.hoankiem', 'creates a procedure', 'POST', '/api/procedures', procedureBody, 403],
  [
    'tiepnhan.hoankiem',
    'adds a procedure version',
    'POST',
    '/api/procedures/1.001193/versions',
    procedureBody.version,
    403,
  ],
  [
    'tiepnhan.hoankiem',
    'creates a user',
    'POST',
    '/api/users',
    { username: 'x.y', displayName: 'X', roles: ['admin'], password: 'p'.repeat(12) },
    403,
  ],
  [
    'tiepnhan.hoankiem',
    'makes itself admin',
    'PATCH',
    '/api/users/tiepnhan.hoankiem',
    { roles: ['admin'] },
    403,
  ],
  [
    'tiepnhan.hoankiem',
    'adds a holiday',
    'POST',
    '/api/holidays',
    { date: '2026-02-16', kind: 'day-off', name: 'Tết' },
    403,
  ],
  ['tiepnhan.hoankiem', 'reads the audit trail', 'GET', '/api/audit-events', undefined, 403],
  [
    'tiepnhan.hoankiem',
    'files at another agency',
    'POST',
    '/api/dossiers',
    counterSubmission({ agencyCode: '001.00.32.H26' }),
    403,
  ],
  ['tiepnhan.badinh', "reads another agency's dossier", 'GET', '/api/dossiers/:hoanKiem', undefined, 404],
  ['congdan', "reads someone else's dossier", 'GET', '/api/dossiers/:hoanKiem', undefined, 404],
  ['congdan', 'files at the counter', 'POST', '/api/dossiers', counterSubmission(), 400],
  [
    'congdan',
    'creates a user',
    'POST',
    '/api/users',
    { username: 'x.y', displayName: 'X', roles: ['admin'], password: 'p'.repeat(12) },
    403,
  ],
  ['thietke', 'disables an account', 'PATCH', '/api/users/quantri', { disabled: true }, 403],
];

it.each(forbiddenCalls)('%s %s → %s %s answers %#', async (who, _what, method, path, body, status) => {
  const before = await storeCounts();
  const response = await as[who]!.request(method, path.replace(':hoanKiem', hoanKiemCode), body);
  expect(response.status).toBe(status);
  expect(response.body.error.fields).toBeDefined();
  expect(await storeCounts()).toEqual(before);
});

it("keeps other agencies' dossiers out of an officer's list, and a citizen sees only their own", async () => {
  expect((await as['tiepnhan.badinh']!.get('/api/dossiers')).body.items).toEqual([]);
  expect((await as.congdan!.get('/api/dossiers')).body.items).toEqual([]);
  const online = await as.congdan!.post(
    '/api/dossiers',
    // Online filings are checked against the form at the API, so this one is complete.
    counterSubmission({
      channel: 'online',
      agencyCode: '001.00.32.H26',
      declaration: { data: validBirthDeclaration() },
    }),
  );
  expect(online.status).toBe(201);
  expect((await as.congdan!.get('/api/dossiers')).body.items.map((d: { code: string }) => d.code)).toEqual([
    online.body.dossier.code,
  ]);
  expect(
    (await as['tiepnhan.badinh']!.get('/api/dossiers')).body.items.map((d: { code: string }) => d.code),
  ).toEqual([online.body.dossier.code]);
  expect(
    (await as['tiepnhan.hoankiem']!.get('/api/dossiers')).body.items.map((d: { code: string }) => d.code),
  ).toEqual([hoanKiemCode]);
});

it('lets the leader of the agency read its dossiers', async () => {
  const response = await as['lanhdao.hoankiem']!.get(`/api/dossiers/${hoanKiemCode}`);
  expect(response.status).toBe(200);
  expect(response.body.code).toBe(hoanKiemCode);
});

it('lets designers create procedures and admins manage users (the allowed side of the same paths)', async () => {
  const created = await as.thietke!.post('/api/procedures', procedureBody);
  expect(created.status).toBe(201);
  expect(created.body.versions[0]).toMatchObject({ version: 1, status: 'draft' });
  const version = await as.thietke!.post('/api/procedures/1.000894/versions', {
    ...procedureBody.version,
    changelog: 'Thêm bước xác minh',
  });
  expect(version.status).toBe(201);
  expect(version.body).toMatchObject({ version: 2, status: 'draft', changelog: 'Thêm bước xác minh' });
  // Drafts are not part of the public catalogue.
  expect((await as.anonymous!.get('/api/procedures/1.000894')).status).toBe(404);
  expect(await DossierModel.countDocuments({ 'procedure.code': '1.000894' })).toBe(0);
});
