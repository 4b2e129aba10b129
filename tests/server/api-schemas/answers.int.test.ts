// The real answers of the session, organisation, user, catalogue, calendar, audit, designer and system operations
// match their response schemas: each is called over HTTP the way the web app calls it, in the shapes that vary
// (with and without an agency or e-mail, draft and published, shipped and designed forms), and each answer is
// validated here against its operation's schema besides the server's own response check.
import { getForm } from '../../../forms/registry';
import { routeSpecs } from '../../../server/api-schemas';
import type { RouteSpec } from '../../../server/api-schemas/common';
import { compileResponse } from '../../../server/api-schemas/request-validation';
import { ProcedureModel } from '../../../server/models/Procedure';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { birthRegistrationCode, publishBirthRegistration } from '../support/fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';

let system: TestSystem;
const anonymous = () => new ApiClient(() => system.url);

async function signedIn(username: string) {
  const client = anonymous();
  const response = await client.login(username, system.logins[username]!.password);
  if (response.status !== 200) throw new Error(`${username} could not sign in: ${response.status}`);
  return client;
}

/** The answer has the status and matches the schema the operation declares for it; the body, for more checks. */
function answered(spec: RouteSpec, response: ApiResponse, status: number) {
  expect({
    operation: spec.operationId,
    status: response.status,
    ...(response.status !== status ? { body: response.body } : {}),
  }).toEqual({ operation: spec.operationId, status });
  const schema = spec.responses[status]?.schema;
  if (!schema) throw new Error(`${spec.operationId} declares no schema for ${status}`);
  const validate = compileResponse(schema);
  expect({ operation: spec.operationId, errors: validate(response.body) ? null : validate.errors }).toEqual({
    operation: spec.operationId,
    errors: null,
  });
  return response.body;
}

const form = getForm('to-khai-khai-sinh')!;

beforeAll(async () => {
  system = await startTestSystem();
  await publishBirthRegistration();
  // A published version with a diagram and a deployment, as officers and designers read it.
  await ProcedureModel.updateOne(
    { code: birthRegistrationCode },
    { $set: { 'versions.0.bpmnXml': '<definitions/>' } },
  );
});
afterAll(() => system.close());

describe('answers match their response schemas', () => {
  it('sign-in, session and sign-out, for an agency officer and an administrator without agency', async () => {
    const { auth } = routeSpecs;
    for (const username of ['tiepnhan.hoankiem', 'quantri']) {
      const client = anonymous();
      const login = answered(
        auth.login,
        await client.login(username, system.logins[username]!.password),
        200,
      );
      expect(login.user.username).toBe(username);
      answered(auth.session, await client.get('/api/auth/session'), 200);
      expect((await client.post('/api/auth/logout')).status).toBe(204);
    }
  });

  it('the organisation tree, whole and by parent', async () => {
    const { agencies } = routeSpecs;
    const all = answered(agencies.list, await anonymous().get('/api/agencies'), 200);
    expect(all.items.length).toBeGreaterThan(10);
    const child = all.items.find((a: { parentCode: string | null }) => a.parentCode);
    const children = answered(
      agencies.list,
      await anonymous().get(`/api/agencies?parent=${child.parentCode}`),
      200,
    );
    expect(children.items.length).toBeGreaterThan(0);
  });

  it('users: a page, a new account with e-mail and agency, one without, and a change', async () => {
    const { users } = routeSpecs;
    const admin = await signedIn('quantri');
    const page = answered(users.list, await admin.get('/api/users?pageSize=3'), 200);
    expect(page.hasMore).toBe(true);
    const agencyCode = page.items.find((u: { agencyCode: string | null }) => u.agencyCode)?.agencyCode;
    answered(
      users.create,
      await admin.post('/api/users', {
        username: 'canbo.tra-loi',
        displayName: 'Nguyễn Thị Hoa',
        email: 'hoa@example.vn',
        roles: ['officer'],
        agencyCode,
        groups: ['tiep-nhan'],
        password: 'mat-khau-du-dai-1',
      }),
      201,
    );
    const bare = answered(
      users.create,
      await admin.post('/api/users', {
        username: 'canbo.khong-don-vi',
        displayName: 'Trần Văn Minh',
        roles: ['designer'],
        password: 'mat-khau-du-dai-2',
      }),
      201,
    );
    expect(bare.agencyCode).toBeNull();
    answered(
      users.update,
      await admin.patch('/api/users/canbo.khong-don-vi', { agencyCode, disabled: true }),
      200,
    );
  });

  it('the catalogue as the public, an officer and a designer see it, and its writes', async () => {
    const { procedures } = routeSpecs;
    const designer = await signedIn('thietke');
    const officer = await signedIn('tiepnhan.hoankiem');
    answered(procedures.list, await anonymous().get('/api/procedures?pageSize=2'), 200);
    answered(procedures.list, await designer.get('/api/procedures?published=false'), 200);
    for (const reader of [anonymous(), officer, designer]) {
      answered(procedures.get, await reader.get(`/api/procedures/${birthRegistrationCode}`), 200);
    }
    const created = answered(
      procedures.create,
      await designer.post('/api/procedures', {
        code: '1.000894',
        names: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
        field: { code: 'HT', name: 'Hộ tịch' },
        level: 'commune',
        version: {
          bpmnProcessId: 'dang-ky-ket-hon',
          timeLimit: { value: 5, unit: 'working-days', sameDayCutoff: '15:00' },
          effectiveFrom: '2026-01-01T00:00:00.000Z',
          forms: [{ formId: form.meta.id, formVersion: form.meta.version }],
          fees: [{ name: 'Lệ phí', amount: 0, collectAt: 'intake', note: 'Miễn' }],
          components: [{ id: 'to-khai', name: 'Tờ khai', required: true, copies: 1 }],
          onlineLevel: 'full',
        },
      }),
      201,
    );
    expect(created.versions[0].components[0].originals).toBe(0);
    answered(
      procedures.addVersion,
      await designer.post('/api/procedures/1.000894/versions', {
        bpmnProcessId: 'dang-ky-ket-hon',
        timeLimit: { value: 3, unit: 'working-days' },
        bpmnXml: '<definitions/>',
      }),
      201,
    );
  });

  it('the holiday table: a year and a new entry', async () => {
    const { holidays } = routeSpecs;
    const admin = await signedIn('quantri');
    answered(
      holidays.create,
      await admin.post('/api/holidays', { date: '2031-09-02', kind: 'day-off', name: 'Quốc khánh' }),
      201,
    );
    const year = answered(holidays.list, await admin.get('/api/holidays?year=2031'), 200);
    expect(year.items).toHaveLength(1);
  });

  it('the audit trail, with sign-ins that failed and succeeded', async () => {
    const { audit } = routeSpecs;
    await anonymous().login('quantri', 'sai-mat-khau');
    const admin = await signedIn('quantri');
    const page = answered(audit.list, await admin.get('/api/audit-events?pageSize=50'), 200);
    expect(page.items.map((e: { outcome: string }) => e.outcome)).toEqual(
      expect.arrayContaining(['success', 'failure']),
    );
  });

  it("the designer's versions with authors, shipped and designed forms, and a validator module", async () => {
    const { designer: ops } = routeSpecs;
    const designer = await signedIn('thietke');
    answered(
      ops.listVersions,
      await designer.get(`/api/designer/procedures/${birthRegistrationCode}/versions`),
      200,
    );
    const saved = answered(
      ops.saveForm,
      await designer.post(`/api/designer/forms/${form.meta.id}`, {
        baseVersion: form.meta.version,
        title: { vi: 'Tờ khai đăng ký khai sinh (sửa)' },
        schema: form.schema,
        uischema: form.uischema,
      }),
      201,
    );
    for (const version of [form.meta.version, saved.version]) {
      answered(ops.getForm, await designer.get(`/api/designer/forms/${form.meta.id}/${version}`), 200);
    }
    const versions = answered(ops.listForms, await designer.get(`/api/designer/forms/${form.meta.id}`), 200);
    expect(versions.versions.map((v: { designed: boolean }) => v.designed)).toEqual(
      expect.arrayContaining([true, false]),
    );
    answered(
      ops.compileFormValidators,
      await designer.post('/api/designer/form-validators', { schema: form.schema, uischema: form.uischema }),
      201,
    );
  });

  it('health and the OpenAPI document', async () => {
    const { system: ops } = routeSpecs;
    answered(ops.health, await anonymous().get('/api/health'), 200);
    answered(ops.openapi, await anonymous().get('/api/openapi.json'), 200);
  });
});
