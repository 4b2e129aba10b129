// The agency's dossier list through HTTP: scope, paging, filters (status, procedure, code, period, overdue),
// and bounded query parameters.
import { AgencyModel } from '../../server/models/Agency';
import { DossierModel } from '../../server/models/Dossier';
import { ApiClient } from './support/api-client';
import { counterSubmission, publishBirthRegistration } from './support/fixtures';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
let hoanKiem: ApiClient;
let codes: string[] = [];

beforeAll(async () => {
  system = await startTestSystem();
  await publishBirthRegistration();
  hoanKiem = new ApiClient(() => system.url);
  await hoanKiem.login('tiepnhan.hoankiem', system.logins['tiepnhan.hoankiem']!.password);
  for (let i = 0; i < 5; i++) {
    const response = await hoanKiem.post('/api/dossiers', counterSubmission());
    codes.push(response.body.dossier.code);
  }
  // Workers move dossiers along; here the store is set as they would leave it.
  await DossierModel.updateOne(
    { code: codes[0] },
    { $set: { status: 4, dueAt: new Date(Date.now() - 86_400_000) } },
  );
  await DossierModel.updateOne(
    { code: codes[1] },
    { $set: { status: 4, dueAt: new Date(Date.now() + 86_400_000) } },
  );
  await DossierModel.updateOne(
    { code: codes[2] },
    { $set: { status: 10, dueAt: new Date(Date.now() - 86_400_000) } },
  );
  await DossierModel.updateOne(
    { code: codes[3] },
    { $set: { submittedAt: new Date('2025-07-02T03:00:00Z') } },
  );
  codes = codes.reverse();
});
afterAll(() => system.close());

const listed = async (query: string) => {
  const response = await hoanKiem.get(`/api/dossiers${query}`);
  expect(response.status).toBe(200);
  return response.body as {
    items: { code: string; status: { code: number }; overdue: boolean }[];
    hasMore: boolean;
    total?: number;
  };
};

it('pages newest first', async () => {
  const first = await listed('?pageSize=2&includeTotal=true');
  expect(first.items).toHaveLength(2);
  expect(first.hasMore).toBe(true);
  expect(first.total).toBe(5);
  const third = await listed('?pageSize=2&page=3');
  expect(third.items).toHaveLength(1);
  expect(third.hasMore).toBe(false);
  const all = [...first.items, ...(await listed('?pageSize=2&page=2')).items, ...third.items].map(
    (d) => d.code,
  );
  expect(new Set(all).size).toBe(5);
  expect(all[all.length - 1]).toBe(codes[1]); // the one submitted on 2 July 2025 is the oldest
});

it('filters by status, procedure, code prefix and period', async () => {
  expect((await listed('?status=4')).items.map((d) => d.code).sort()).toEqual([codes[4], codes[3]].sort());
  expect((await listed('?status=4,10')).items).toHaveLength(3);
  expect((await listed('?procedure=1.001193')).items).toHaveLength(5);
  expect((await listed('?procedure=1.000656')).items).toHaveLength(0);
  expect((await listed(`?code=${codes[0]}`)).items.map((d) => d.code)).toEqual([codes[0]]);
  expect((await listed('?code=001.00.31.H26')).items).toHaveLength(5);
  expect((await listed('?from=2025-07-02&to=2025-07-02')).items.map((d) => d.code)).toEqual([codes[1]]);
  expect((await listed('?to=2025-07-01')).items).toHaveLength(0);
});

it('derives overdue from the due date: open and past due only', async () => {
  const overdue = await listed('?overdue=true');
  expect(overdue.items.map((d) => d.code)).toEqual([codes[4]]);
  expect(overdue.items[0]!.overdue).toBe(true);
  expect((await listed('?overdue=false')).items).toHaveLength(4);
  expect(await DossierModel.collection.countDocuments({ overdue: { $exists: true } })).toBe(0);
});

it('shows dossiers transferred to another agency to that agency too', async () => {
  const baDinh = new ApiClient(() => system.url);
  await baDinh.login('tiepnhan.badinh', system.logins['tiepnhan.badinh']!.password);
  expect((await baDinh.get('/api/dossiers')).body.items).toHaveLength(0);
  const baDinhCentre = await AgencyModel.findOne({ code: '001.00.32.H26' }).lean();
  await DossierModel.updateOne(
    { code: codes[0] },
    { $addToSet: { visibleToAgencies: baDinhCentre!._id }, $set: { currentAgency: baDinhCentre!._id } },
  );
  expect((await baDinh.get('/api/dossiers')).body.items.map((d: { code: string }) => d.code)).toEqual([
    codes[0],
  ]);
  expect((await baDinh.get(`/api/dossiers/${codes[0]}`)).status).toBe(200);
  expect((await baDinh.get(`/api/dossiers/${codes[2]}`)).status).toBe(404);
});

it.each([
  ['?pageSize=101', 'pageSize'],
  ['?page=0', 'page'],
  ['?page=abc', 'page'],
  ['?status=11', 'status'],
  ['?from=2025-13-01', 'from'],
  ['?from=2025-07-03&to=2025-07-01', 'from'],
  ['?sort=code', 'sort'],
  ['?code=%24where', 'code'],
  ['?status=1&status=2', 'status'],
])('refuses %s naming %s', async (query, path) => {
  const response = await hoanKiem.get(`/api/dossiers${query}`);
  expect(response.status).toBe(400);
  expect(response.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
});
