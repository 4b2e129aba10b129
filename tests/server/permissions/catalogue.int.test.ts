// Who may not, on the procedure catalogue and the designer: creating procedures and versions, the version list,
// publishing, designed forms and their validators. Drafts and diagrams are the designers' and admins': to
// anyone else a draft-only procedure does not exist, and a published one shows no draft and no diagram
// unless the reader works with the published model (officers, leaders).
import { getForm } from '../../../forms/registry';
import { ProcedureModel } from '../../../server/models/Procedure';
import { birthRegistrationCode, publishBirthRegistration } from '../support/fixtures';
import { startPermissionSystem, type Caller, type PermissionSystem } from './support/permission-system';
import { roleMatrix, testRefusals, type RefusedCall } from './support/refused-calls';

interface CatalogueWorld {
  designedFormVersion: string;
  validatorFile: string;
}

let system: PermissionSystem;
let world: CatalogueWorld;

const draftCode = '1.000894';
const draftMarker = 'ban-nhap-chua-cong-bo';
const publishedMarker = 'mo-hinh-da-cong-bo';
const form = getForm('to-khai-khai-sinh')!;
const procedureBody = {
  code: draftCode,
  names: { vi: 'Đăng ký kết hôn' },
  field: { name: 'Hộ tịch' },
  level: 'commune',
  version: {
    bpmnProcessId: 'dang-ky-ket-hon',
    timeLimit: { value: 5, unit: 'working-days' },
    bpmnXml: `<!-- ${draftMarker} -->`,
  },
};
const draftVersion = {
  bpmnProcessId: 'dang-ky-khai-sinh',
  timeLimit: { value: 1, unit: 'working-days' },
  changelog: draftMarker,
  bpmnXml: `<!-- ${draftMarker} -->`,
};
const formBody = {
  baseVersion: form.meta.version,
  title: { vi: 'Tờ khai đăng ký khai sinh (sửa)' },
  schema: form.schema,
  uischema: form.uischema,
};
const validatorBody = { schema: form.schema, uischema: form.uischema };

beforeAll(async () => {
  system = await startPermissionSystem();
  await publishBirthRegistration();
  await ProcedureModel.updateOne(
    { code: birthRegistrationCode },
    { $set: { 'versions.0.bpmnXml': `<!-- ${publishedMarker} -->` } },
  );
  const designer = system.as.thietke;
  const expectCreated = (response: { status: number; body: unknown }) => {
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body as Record<string, unknown>;
  };
  expectCreated(await designer.post('/api/procedures', procedureBody));
  expectCreated(await designer.post(`/api/procedures/${birthRegistrationCode}/versions`, draftVersion));
  const saved = expectCreated(await designer.post(`/api/designer/forms/${form.meta.id}`, formBody));
  const compiled = expectCreated(await designer.post('/api/designer/form-validators', validatorBody));
  world = {
    designedFormVersion: saved.version as string,
    validatorFile: (compiled.url as string).split('/').pop()!,
  };
});
afterAll(() => system.close());

const context = () => ({ system, world, secrets: [draftMarker, publishedMarker] });

describe('procedures: role refusals', () => {
  testRefusals(
    context,
    roleMatrix<'procedures', CatalogueWorld>('procedures', {
      create: { path: () => '/api/procedures', body: () => ({ ...procedureBody, code: '1.000895' }) },
      addVersion: {
        path: () => `/api/procedures/${birthRegistrationCode}/versions`,
        body: () => draftVersion,
      },
    }),
  );
});

describe('designer and forms: role refusals', () => {
  testRefusals(
    context,
    roleMatrix<'designer', CatalogueWorld>('designer', {
      listVersions: { path: () => `/api/designer/procedures/${birthRegistrationCode}/versions` },
      publish: { path: () => `/api/designer/procedures/${draftCode}/versions/1/publish`, body: () => ({}) },
      getForm: { path: (w) => `/api/designer/forms/${form.meta.id}/${w.designedFormVersion}` },
      getFormVersionValidators: {
        path: (w) => `/api/designer/forms/${form.meta.id}/${w.designedFormVersion}/validators.js`,
      },
      listForms: { path: () => `/api/designer/forms/${form.meta.id}` },
      saveForm: { path: () => `/api/designer/forms/${form.meta.id}`, body: () => formBody },
      compileFormValidators: { path: () => '/api/designer/form-validators', body: () => validatorBody },
      getFormValidators: { path: (w) => `/api/designer/form-validators/${w.validatorFile}` },
    }),
  );
});

const readDraft = (who: Caller, what: string): RefusedCall<CatalogueWorld> => ({
  who,
  what,
  method: 'GET',
  path: `/api/procedures/${draftCode}`,
  status: 404,
});

describe('procedures: a draft-only procedure does not exist outside the designers', () => {
  testRefusals(context, [
    readDraft('anonymous', 'reads a draft-only procedure signed out'),
    readDraft('congdan', 'a citizen reads a draft-only procedure'),
    readDraft('tiepnhan.hoankiem', 'an officer reads a draft-only procedure'),
    readDraft('lanhdao.hoankiem', 'a leader reads a draft-only procedure'),
  ]);
});

test('the public catalogue shows no draft and no diagram; officers see the published diagram only', async () => {
  const listed = await system.as.anonymous.get('/api/procedures?published=false&pageSize=100');
  expect(listed.status).toBe(200);
  expect(listed.body.items.map((p: { code: string }) => p.code)).not.toContain(draftCode);
  for (const who of ['anonymous', 'congdan'] as const) {
    const read = await system.as[who].get(`/api/procedures/${birthRegistrationCode}`);
    expect(read.status).toBe(200);
    expect(read.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(JSON.stringify(read.body)).not.toContain(publishedMarker);
    expect(JSON.stringify(read.body)).not.toContain(draftMarker);
  }
  for (const who of ['tiepnhan.hoankiem', 'lanhdao.hoankiem'] as const) {
    const read = await system.as[who].get(`/api/procedures/${birthRegistrationCode}`);
    expect(read.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(JSON.stringify(read.body)).toContain(publishedMarker);
    expect(JSON.stringify(read.body)).not.toContain(draftMarker);
  }
});

test('the allowed side of the same calls: designers and admins read drafts and manage versions and forms', async () => {
  for (const who of ['thietke', 'quantri'] as const) {
    const read = await system.as[who].get(`/api/procedures/${draftCode}`);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).toContain(draftMarker);
    const versions = await system.as[who].get(`/api/designer/procedures/${birthRegistrationCode}/versions`);
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await system.as[who].get(`/api/designer/forms/${form.meta.id}`)).status).toBe(200);
    expect((await system.as[who].get(`/api/designer/form-validators/${world.validatorFile}`)).status).toBe(
      200,
    );
  }
  expect((await system.as.quantri.post(`/api/designer/forms/${form.meta.id}`, formBody)).status).toBe(201);
  expect(
    (
      await system.as.quantri.post(`/api/procedures/${draftCode}/versions`, {
        ...draftVersion,
        changelog: 'v2',
      })
    ).status,
  ).toBe(201);
});
