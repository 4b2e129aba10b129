// A procedure version holds its decision tables and publishing deploys them with its diagram: birth registration
// republished through HTTP with its fee table changed decides new filings by the changed rule; a table the engine
// refuses refuses the publish (422 naming the decision in Vietnamese) and nothing of it is deployed; a new
// version that names no tables keeps those of the version in force.
import { dateInWords } from '../../forms/date-in-words';
import { DossierModel } from '../../server/models/Dossier';
import { validBirthDeclaration } from '../forms/fixtures';
import { birthRegistrationFiling, signInAll } from '../engine-worker/filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from '../engine-worker/lifecycle-system';
import type { ApiClient } from './support/api-client';

const CODE = '1.001193';
const ON_TIME_TEST = '<text>&lt;= 60</text>';

interface StoredVersion {
  version: number;
  status: string;
  bpmnProcessId: string;
  bpmnXml: string;
  decisions?: { name: string; dmnXml: string }[];
  forms: unknown[];
  timeLimit: unknown;
  fees: unknown[];
  components: unknown[];
  onlineLevel: string;
}

let system: LifecycleSystem;
let designer: ApiClient;
let counter: ApiClient;

beforeAll(async () => {
  system = await startLifecycleSystem();
  const as = await signInAll(system, ['thietke', 'tiepnhan.hoankiem']);
  designer = as.thietke!;
  counter = as['tiepnhan.hoankiem']!;
});
afterAll(async () => {
  await system.close();
});

async function procedure(): Promise<{ publishedVersion: number; versions: StoredVersion[] }> {
  const read = await designer.get(`/api/procedures/${CODE}`);
  expect(read.status).toBe(200);
  return read.body;
}

async function inForce(): Promise<StoredVersion> {
  const p = await procedure();
  return p.versions.find((v) => v.version === p.publishedVersion)!;
}

/** Adds a draft version copied from the one in force, with `decisions` if given; its number. */
async function addVersion(changelog: string, decisions?: StoredVersion['decisions']): Promise<number> {
  const { bpmnProcessId, bpmnXml, forms, timeLimit, fees, components, onlineLevel } = await inForce();
  const added = await designer.post(`/api/procedures/${CODE}/versions`, {
    changelog,
    bpmnProcessId,
    bpmnXml,
    forms,
    timeLimit,
    fees,
    components,
    onlineLevel,
    ...(decisions ? { decisions } : {}),
  });
  expect(added.status).toBe(201);
  return added.body.version as number;
}

/** The fee note of a late birth registration (born 2020-01-01) of no exempt category, filed now. */
async function lateFilingFeeNote(): Promise<string> {
  const declaration = validBirthDeclaration() as { child: Record<string, unknown> };
  declaration.child.birthDate = '2020-01-01';
  declaration.child.birthDateInWords = dateInWords('2020-01-01');
  const filed = await counter.post('/api/dossiers', {
    ...birthRegistrationFiling(),
    declaration: { data: { ...declaration, feeExemptCategory: 'khong' } },
  });
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  return eventually(`fee assessed on ${code}`, async () => {
    const dossier = await DossierModel.findOne({ code }).lean();
    return dossier?.timeline.find((e) => e.action === 'fee.assessed')?.note;
  });
}

const birthDefinitions = async () =>
  (await system.inspect<{ bpmnProcessId: string; version: number }[]>('/process-definitions')).filter(
    (d) => d.bpmnProcessId === 'dang-ky-khai-sinh',
  ).length;

test('the catalogue version holds the fee table beside its diagram', async () => {
  const v1 = await inForce();
  expect(v1.decisions?.map((d) => d.name)).toEqual(['dang-ky-khai-sinh.dmn']);
  expect(v1.decisions?.[0]?.dmnXml).toContain('id="mien-le-phi-khai-sinh"');
});

test('a table the engine refuses: 422 naming the decision, the version stays a draft, nothing deployed', async () => {
  const before = await inForce();
  const definitions = await birthDefinitions();
  const [table] = before.decisions!;
  const broken = table!.dmnXml.replace(ON_TIME_TEST, '<text>&lt;= 60)</text>');
  expect(broken).not.toBe(table!.dmnXml);
  const version = await addVersion('Bảng lệ phí hỏng', [{ name: table!.name, dmnXml: broken }]);
  const published = await designer.post(`/api/designer/procedures/${CODE}/versions/${version}/publish`);
  expect(published.status).toBe(422);
  expect(published.body.error.fields).toEqual([
    {
      path: 'decisions[0]',
      message: expect.stringMatching(
        /^Bảng quyết định "Miễn lệ phí đăng ký khai sinh" \(mien-le-phi-khai-sinh\) bị bộ máy quy trình từ chối: /,
      ),
    },
  ]);
  const after = await procedure();
  expect(after.publishedVersion).toBe(before.version);
  expect(after.versions.find((v) => v.version === version)?.status).toBe('draft');
  expect(await birthDefinitions()).toBe(definitions);
});

test('a diagram calling a decision the version does not hold: 422 before anything is deployed', async () => {
  const version = await addVersion('Không có bảng quyết định', []);
  const published = await designer.post(`/api/designer/procedures/${CODE}/versions/${version}/publish`);
  expect(published.status).toBe(422);
  expect(published.body.error.fields).toEqual([
    {
      path: 'decisions',
      message: 'Sơ đồ gọi bảng quyết định "mien-le-phi-khai-sinh" nhưng phiên bản không có bảng này',
    },
  ]);
});

test('publishing a changed table applies its rule to new filings', async () => {
  expect(await lateFilingFeeNote()).not.toContain('miễn lệ phí');
  const [table] = (await inForce()).decisions!;
  // The on-time window widened to 5,000 days: a birth of 2020 is "on time" under the changed table.
  const widened = table!.dmnXml.replace(ON_TIME_TEST, '<text>&lt;= 5000</text>');
  const version = await addVersion('Mở rộng thời hạn miễn lệ phí', [{ name: table!.name, dmnXml: widened }]);
  const published = await designer.post(`/api/designer/procedures/${CODE}/versions/${version}/publish`);
  expect(published.status).toBe(200);
  expect(await lateFilingFeeNote()).toBe(
    '0 đồng (miễn lệ phí: Luật Hộ tịch 2014, Điều 11 khoản 1 điểm b (khai sinh đúng hạn))',
  );
});

test('a new version that names no tables keeps those of the version in force', async () => {
  const current = await inForce();
  const version = await addVersion('Chỉ sửa sơ đồ');
  const added = (await procedure()).versions.find((v) => v.version === version)!;
  expect(added.decisions).toEqual(current.decisions);
});
