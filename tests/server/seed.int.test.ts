// Seeding: Hà Nội's two-level organisation tree and one account per role; seeding again changes nothing, and
// the demo passwords live only in DATA_DIR.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AgencyModel } from '../../server/models/Agency';
import { AuditEventModel } from '../../server/models/AuditEvent';
import { UserModel } from '../../server/models/User';
import { seedDemoData } from '../../server/seed/seed-demo-data';
import { ApiClient } from './support/api-client';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.close());

const everything = async () => ({
  agencies: await AgencyModel.find().sort({ code: 1 }).lean(),
  users: await UserModel.find().sort({ username: 1 }).lean(),
  audit: await AuditEventModel.countDocuments(),
});

it('seeds the city, its centre, departments, sector bodies and wards/communes with their own centres', async () => {
  const agencies = (await new ApiClient(() => system.url).get('/api/agencies')).body.items as {
    code: string;
    name: string;
    level: string;
    kind: string;
    parentCode: string | null;
    codeProvisional: boolean;
  }[];
  const byName = (name: string) => agencies.find((a) => a.name === name)!;
  expect(byName('Ủy ban nhân dân Thành phố Hà Nội')).toMatchObject({ level: 'province', parentCode: null });
  expect(byName('Trung tâm Phục vụ hành chính công Thành phố Hà Nội')).toMatchObject({
    kind: 'service-centre',
    level: 'province',
  });
  expect(byName('Sở Tư pháp Thành phố Hà Nội').level).toBe('department');
  expect(byName('Công an Thành phố Hà Nội').level).toBe('sector');
  for (const commune of ['Phường Hoàn Kiếm', 'Phường Ba Đình', 'Phường Cầu Giấy', 'Xã Sóc Sơn']) {
    const authority = byName(`Ủy ban nhân dân ${commune}`);
    expect(authority).toMatchObject({ level: 'commune', kind: 'authority', parentCode: '000.00.00.H26' });
    expect(byName(`Trung tâm Phục vụ hành chính công ${commune}`)).toMatchObject({
      kind: 'service-centre',
      parentCode: authority.code,
    });
  }
  // No district level since 1 July 2025.
  expect(agencies.some((a) => /Quận|Huyện/.test(a.name))).toBe(false);
  expect(agencies.every((a) => a.codeProvisional)).toBe(true);
  const roles = new Set((await UserModel.find().lean()).flatMap((u) => u.roles));
  expect([...roles].sort()).toEqual(['admin', 'citizen', 'designer', 'leader', 'officer']);
});

it('changes nothing when run again', async () => {
  const before = await everything();
  const again = await seedDemoData(system.dataDir);
  expect(again.inserted).toBe(0);
  expect(await everything()).toEqual(before);
});

it('keeps demo passwords in DATA_DIR only (mode 600), and they sign in', async () => {
  const file = path.join(system.dataDir, 'demo-logins.json');
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
  const user = await UserModel.findOne({ username: 'quantri' }).lean();
  expect(user!.passwordHash).not.toContain(stored.quantri);
  expect((await new ApiClient(() => system.url).login('quantri', stored.quantri!)).status).toBe(200);
});
