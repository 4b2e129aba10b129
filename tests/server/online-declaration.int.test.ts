// An online filing whose declaration fails its form's schema is refused with every wrong field named, and
// nothing is written; a correct one is stored.
import { seedCatalogue } from '../../server/seed/seed-catalogue';
import { validBirthDeclaration } from '../forms/fixtures';
import { ApiClient } from './support/api-client';
import { storeCounts } from './support/store-snapshot';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
let citizen: ApiClient;

beforeAll(async () => {
  system = await startTestSystem();
  await seedCatalogue();
  citizen = new ApiClient(() => system.url);
  expect((await citizen.login('congdan', system.logins.congdan!.password)).status).toBe(200);
});
afterAll(() => system.close());

const filing = (data: Record<string, unknown>) => ({
  procedureCode: '1.001193',
  channel: 'online',
  agencyCode: '001.00.31.H26',
  applicant: { name: 'Nguyễn Văn An', idNumber: '001099012345', email: 'an.nguyen@example.vn' },
  declaration: { data },
  documents: [{ component: 'to-khai', original: true }],
});

test('refuses a declaration that fails its schema, naming each field in Vietnamese, and writes nothing', async () => {
  const before = await storeCounts();
  const declaration = validBirthDeclaration();
  const child = { ...(declaration.child as Record<string, unknown>) };
  delete child.fullName;
  const response = await citizen.post('/api/dossiers', filing({ ...declaration, child }));
  expect(response.status).toBe(400);
  const field = response.body.error.fields.find(
    (f: { path: string }) => f.path === 'declaration.data.child.fullName',
  );
  expect(field?.message).toMatch(/bắt buộc/);
  expect(await storeCounts()).toEqual(before);
});

test('refuses operator, dotted and prototype keys in a declaration, naming each, and writes nothing', async () => {
  const before = await storeCounts();
  const data = {
    ...validBirthDeclaration(),
    $where: 'sleep(1000)',
    'child.fullName': 'Trần Minh Khôi',
    ...JSON.parse('{"__proto__": {"isAdmin": true}}'),
  };
  const response = await citizen.post('/api/dossiers', filing(data));
  expect(response.status).toBe(400);
  expect(response.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
    'declaration.data.$where',
    'declaration.data.__proto__',
    'declaration.data["child.fullName"]',
  ]);
  expect(await storeCounts()).toEqual(before);
});

test('accepts a correct declaration', async () => {
  const response = await citizen.post('/api/dossiers', filing(validBirthDeclaration()));
  expect(response.status).toBe(201);
});
