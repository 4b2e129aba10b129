// Statistics through HTTP: a leader sees only their agency, an admin every agency; grouping by agency and by
// month; the CSV export carries a byte-order mark and Vietnamese headers; a reversed period is a 400.
import { DossierModel } from '../../../server/models/Dossier';
import { ApiClient } from '../support/api-client';
import { counterSubmission, publishBirthRegistration } from '../support/fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';

let system: TestSystem;
let leader: ApiClient;
let admin: ApiClient;
let officer: ApiClient;
const agencyCodes = new Set<string>();

const localToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const period = () => `from=${localToday().slice(0, 8)}01&to=${localToday()}`;

async function signedIn(username: string): Promise<ApiClient> {
  const client = new ApiClient(() => system.url);
  const response = await client.login(username, system.logins[username]!.password);
  expect(response.status).toBe(200);
  return client;
}

beforeAll(async () => {
  system = await startTestSystem();
  await publishBirthRegistration();
  officer = await signedIn('tiepnhan.hoankiem');
  const baDinh = await signedIn('tiepnhan.badinh');
  for (const client of [officer, officer, baDinh]) {
    const response = await client.post('/api/dossiers', counterSubmission());
    expect(response.status).toBe(201);
    agencyCodes.add(response.body.dossier.receivingAgencyCode ?? response.body.dossier.agency?.code);
  }
  // Intake workers start the legal clock; here the store is set as they would leave it.
  const receivedAt = new Date();
  await DossierModel.updateMany(
    {},
    {
      $set: { status: 4, receivedAt, dueAt: new Date(Date.now() + 3 * 86_400_000) },
      $push: {
        timeline: { at: receivedAt, actor: { kind: 'system' }, action: 'dossier.accepted', status: 4 },
      },
    },
  );
  leader = await signedIn('lanhdao.hoankiem');
  admin = await signedIn('quantri');
}, 60_000);

afterAll(() => system?.close());

test('an admin sees every agency, a leader only their own', async () => {
  const all = await admin.get(`/api/statistics?${period()}&groupBy=agency`);
  expect(all.status).toBe(200);
  expect(all.body.items).toHaveLength(2);
  const total = all.body.items.reduce(
    (sum: number, row: { counts: { received: { total: number }; carriedOver: number } }) =>
      sum + row.counts.received.total,
    0,
  );
  expect(total).toBe(3);

  const own = await leader.get(`/api/statistics?${period()}&groupBy=agency`);
  expect(own.status).toBe(200);
  expect(own.body.items).toHaveLength(1);
  expect(own.body.items[0].counts.received).toEqual({ total: 2, counter: 2, online: 0, post: 0 });
});

test('grouping by month gives one row per month of the period', async () => {
  const response = await leader.get(`/api/statistics?${period()}&groupBy=month`);
  expect(response.status).toBe(200);
  expect(response.body.items).toHaveLength(1);
  expect(response.body.items[0].period).toBe(localToday().slice(0, 7));
  expect(response.body.items[0].counts.received.total).toBe(2);
});

test('the CSV export starts with a BOM and names its columns in Vietnamese', async () => {
  const response = await fetch(`${system.url}/api/statistics.csv?${period()}`, {
    headers: { cookie: leader.cookie! },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/csv');
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
  expect(lines[0]).toContain('Tiếp nhận');
  expect(lines[0]).toContain('Đúng hạn');
  expect(lines).toHaveLength(2);
  expect(lines[1]!.split(',')[5]).toBe('2');
});

test('a reversed period is refused, and an officer may not read statistics', async () => {
  const reversed = await leader.get('/api/statistics?from=2026-05-01&to=2026-04-01');
  expect(reversed.status).toBe(400);
  expect(reversed.body.error.fields[0].path).toBe('from');
  const officerRead = await officer.get(`/api/statistics?${period()}`);
  expect(officerRead.status).toBe(403);
});
