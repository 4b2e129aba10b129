// Who may not, on dossiers and the applicant's requests: the list, submission, one dossier, the supplement, the
// withdrawal, and the public lookup and rating by receipt secret. Each refusal leaves every document of the
// store as it was and sends nothing to the engine; another agency's or person's dossier answers 404, as if
// it did not exist.
import { baDinhCode, buildDossierWorld, filing, type DossierWorld } from './support/dossier-world';
import { startPermissionSystem, type Caller, type PermissionSystem } from './support/permission-system';
import { roleMatrix, send, testRefusals, type RefusedCall } from './support/refused-calls';

let system: PermissionSystem;
let world: DossierWorld;

beforeAll(async () => {
  system = await startPermissionSystem();
  world = await buildDossierWorld(system);
});
afterAll(() => system.close());

const context = () => ({ system, world, secrets: world.secrets });
const supplementBody = { documents: [{ component: 'giay-chung-sinh', original: true }], note: 'Bổ sung' };
const withdrawBody = { reason: 'Tôi muốn rút hồ sơ' };

describe('dossiers: role refusals', () => {
  testRefusals(
    context,
    roleMatrix<'dossiers', DossierWorld>('dossiers', {
      list: { path: () => '/api/dossiers' },
      submit: { path: () => '/api/dossiers', body: () => filing() },
      get: { path: (w) => `/api/dossiers/${w.hoanKiem.code}` },
      supplement: {
        path: (w) => `/api/dossiers/${w.supplement.code}/supplement`,
        body: () => supplementBody,
      },
    }),
  );
});

describe('applicant requests: role refusals', () => {
  testRefusals(
    context,
    roleMatrix<'applicantRequests', DossierWorld>('applicantRequests', {
      withdraw: { path: (w) => `/api/dossiers/${w.citizen.code}/withdraw`, body: () => withdrawBody },
    }),
  );
});

const readDossier = (
  who: Caller,
  what: string,
  dossier: (w: DossierWorld) => string,
): RefusedCall<DossierWorld> => ({
  who,
  what,
  method: 'GET',
  path: (w) => `/api/dossiers/${dossier(w)}`,
  status: 404,
});

describe('dossiers: outside the agency or the person, a dossier does not exist', () => {
  testRefusals(context, [
    readDossier('tiepnhan.badinh', "Ba Đình's officer reads Hoàn Kiếm's dossier", (w) => w.hoanKiem.code),
    readDossier('chuyenvien.congan', "the police officer reads Hoàn Kiếm's dossier", (w) => w.hoanKiem.code),
    readDossier('lanhdao.congan', "the police leader reads Hoàn Kiếm's dossier", (w) => w.hoanKiem.code),
    readDossier(
      'tiepnhan.badinh',
      "Ba Đình's officer reads a citizen's filing at Hoàn Kiếm",
      (w) => w.citizen.code,
    ),
    readDossier('tiepnhan.hoankiem', "Hoàn Kiếm's officer reads Ba Đình's dossier", (w) => w.baDinh.code),
    readDossier(
      'congdan',
      'a citizen reads a counter dossier someone else applied for',
      (w) => w.hoanKiem.code,
    ),
    readDossier('congdan2', "a citizen reads another citizen's filing", (w) => w.citizen.code),
    {
      who: 'tiepnhan.hoankiem',
      what: 'files at another agency (Ba Đình) than his own',
      method: 'POST',
      path: '/api/dossiers',
      body: () => filing({ agencyCode: baDinhCode }),
      status: 403,
    },
    {
      who: 'congdan',
      what: 'a citizen files at the counter',
      method: 'POST',
      path: '/api/dossiers',
      body: () => filing(),
      status: 400,
    },
    {
      who: 'tiepnhan.badinh',
      what: "records a supplement on Hoàn Kiếm's dossier",
      method: 'POST',
      path: (w) => `/api/dossiers/${w.supplement.code}/supplement`,
      body: supplementBody,
      status: 404,
    },
    {
      who: 'chuyenvien.congan',
      what: "the police officer records a supplement on Hoàn Kiếm's dossier",
      method: 'POST',
      path: (w) => `/api/dossiers/${w.supplement.code}/supplement`,
      body: supplementBody,
      status: 404,
    },
    {
      who: 'tiepnhan.badinh',
      what: "withdraws a citizen's filing at Hoàn Kiếm",
      method: 'POST',
      path: (w) => `/api/dossiers/${w.citizen.code}/withdraw`,
      body: withdrawBody,
      status: 404,
    },
    {
      who: 'congdan2',
      what: "withdraws another citizen's filing",
      method: 'POST',
      path: (w) => `/api/dossiers/${w.citizen.code}/withdraw`,
      body: withdrawBody,
      status: 404,
    },
    {
      who: 'congdan',
      what: 'withdraws a counter dossier someone else applied for',
      method: 'POST',
      path: (w) => `/api/dossiers/${w.hoanKiem.code}/withdraw`,
      body: withdrawBody,
      status: 404,
    },
  ]);
});

describe('public lookup and rating: a wrong secret opens nothing', () => {
  testRefusals(context, [
    {
      who: 'anonymous',
      what: 'looks a dossier up with a wrong secret',
      method: 'POST',
      path: '/api/public/dossier-status',
      body: (w) => ({ code: w.citizen.code, secret: 'SAI-MAT-MA' }),
      status: 404,
    },
    {
      who: 'anonymous',
      what: "looks Hoàn Kiếm's dossier up with the citizen's secret",
      method: 'POST',
      path: '/api/public/dossier-status',
      body: (w) => ({ code: w.hoanKiem.code, secret: w.citizen.receiptSecret }),
      status: 404,
    },
    {
      who: 'anonymous',
      what: 'rates a dossier with a wrong secret',
      method: 'POST',
      path: '/api/public/dossier-rating',
      body: (w) => ({ code: w.citizen.code, secret: 'SAI-MAT-MA', score: 1 }),
      status: 404,
    },
  ]);
});

test("a list shows only the caller's scope: no other agency's dossier, no other person's filing", async () => {
  const codes = async (who: Caller) => {
    const response = await system.as[who].get('/api/dossiers?pageSize=100');
    expect(response.status).toBe(200);
    return (response.body.items as { code: string }[]).map((d) => d.code).sort();
  };
  expect(await codes('tiepnhan.badinh')).toEqual([world.baDinh.code]);
  expect(await codes('chuyenvien.congan')).toEqual([]);
  expect(await codes('congdan2')).toEqual([]);
  expect(await codes('congdan')).toEqual([world.citizen.code]);
  expect(await codes('lanhdao.hoankiem')).toEqual(
    [world.hoanKiem.code, world.supplement.code, world.citizen.code].sort(),
  );
  // Looking Hoàn Kiếm's code up by prefix from Ba Đình finds nothing either.
  const byCode = await system.as['tiepnhan.badinh'].get(`/api/dossiers?code=${world.hoanKiem.code}`);
  expect(byCode.body.items).toEqual([]);
});

test('the allowed side of the same calls: the agency reads, supplements and withdraws; the citizen reads their own', async () => {
  for (const who of ['tiepnhan.hoankiem', 'lanhdao.hoankiem'] as const) {
    expect((await system.as[who].get(`/api/dossiers/${world.hoanKiem.code}`)).status).toBe(200);
  }
  expect((await system.as.congdan.get(`/api/dossiers/${world.citizen.code}`)).status).toBe(200);
  const lookup = await send(system, system.as.anonymous, 'POST', '/api/public/dossier-status', {
    code: world.citizen.code,
    secret: world.citizen.receiptSecret,
  });
  expect(lookup.status).toBe(200);
  const supplemented = await system.as['tiepnhan.hoankiem'].post(
    `/api/dossiers/${world.supplement.code}/supplement`,
    supplementBody,
  );
  expect(supplemented.status).toBe(200);
  const withdrawn = await system.as.congdan.post(
    `/api/dossiers/${world.citizen.code}/withdraw`,
    withdrawBody,
  );
  expect(withdrawn.status).toBe(202);
  expect(system.engineCalls.slice(-2).map((c) => c.command)).toEqual(['publishMessage', 'publishMessage']);
});
