// The procedure catalogue of processes/ loads into the store at start, twice without change, and the API
// serves it.
import { loadCatalogue } from '../../processes/catalogue';
import { ProcedureModel } from '../../server/models/Procedure';
import { catalogueCode, seedCatalogue } from '../../server/seed/seed-catalogue';
import { ApiClient } from './support/api-client';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.close());

test('loads every catalogue entry once, published with its model, form and time limit', async () => {
  const entries = await loadCatalogue();
  const first = await seedCatalogue();
  expect(first).toEqual({ procedures: entries.length, inserted: entries.length });
  const second = await seedCatalogue();
  expect(second).toEqual({ procedures: entries.length, inserted: 0 });
  expect(await ProcedureModel.countDocuments({ code: { $in: entries.map(catalogueCode) } })).toBe(
    entries.length,
  );

  const birth = await ProcedureModel.findOne({ code: '1.001193' }).lean();
  const version = birth!.versions[0]!;
  expect(birth!.publishedVersion).toBe(1);
  expect(version.bpmnXml).toContain('id="dang-ky-khai-sinh"');
  expect(version.timeLimit).toMatchObject({ unit: 'same-day', sameDayCutoff: '15:00' });
  expect(version.forms[0]!.formId).toBe('to-khai-khai-sinh');
  // An entry without a confirmed national code is kept under a provisional one, never a made-up national code.
  const withoutCode = entries.find((e) => !e.code);
  if (withoutCode) expect(catalogueCode(withoutCode)).toBe(`TAM.${withoutCode.folder}`);
});

test('serves the catalogue through the API', async () => {
  const designer = new ApiClient(() => system.url);
  expect((await designer.login('thietke', system.logins.thietke!.password)).status).toBe(200);
  const response = await designer.get('/api/procedures?q=khai%20sinh');
  expect(response.status).toBe(200);
  expect(JSON.stringify(response.body)).toContain('1.001193');
});

test('gives officers the published model (for the dossier diagram), not anonymous callers', async () => {
  const officer = new ApiClient(() => system.url);
  expect(
    (await officer.login('tiepnhan.hoankiem', system.logins['tiepnhan.hoankiem']!.password)).status,
  ).toBe(200);
  const seen = await officer.get('/api/procedures/1.001193');
  expect(seen.body.versions[0].bpmnXml).toContain('id="dang-ky-khai-sinh"');
  const anonymous = await new ApiClient(() => system.url).get('/api/procedures/1.001193');
  expect(anonymous.status).toBe(200);
  expect(anonymous.body.versions[0].bpmnXml).toBeUndefined();
});

test('a catalogue version stored before versions kept decision tables gets the folder tables at the next start', async () => {
  await seedCatalogue();
  await ProcedureModel.updateOne({ code: '1.001193' }, { $unset: { 'versions.0.decisions': '' } });
  expect((await ProcedureModel.findOne({ code: '1.001193' }).lean())!.versions[0]!.decisions).toBeUndefined();
  await seedCatalogue();
  const version = (await ProcedureModel.findOne({ code: '1.001193' }).lean())!.versions[0]!;
  expect(version.decisions?.map((d) => d.name)).toEqual(['dang-ky-khai-sinh.dmn']);
  expect(version.decisions?.[0]?.dmnXml).toContain('id="mien-le-phi-khai-sinh"');
});
