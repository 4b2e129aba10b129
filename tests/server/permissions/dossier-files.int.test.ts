// Who may not, on what a dossier carries: uploaded scans (documents and their files), result documents and the
// slips (01–05 issued, 06 control slip, 07 log book). Each refusal leaves every document of the store (GridFS
// files and chunks included) as it was and sends nothing to the engine; another agency's file answers 404.
import { toLocalDate } from '../../../processes/calendar';
import { AgencyModel } from '../../../server/models/Agency';
import { DossierModel } from '../../../server/models/Dossier';
import { pdfText } from '../slips/pdf-text';
import { buildDossierWorld, filing, png, resultForm, type DossierWorld } from './support/dossier-world';
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
const scan = { file: png, contentType: 'image/png' };
const today = toLocalDate(new Date());
const logBook = `/api/dossier-log-book.pdf?from=${today}&to=${today}`;

describe('documents and their files: role refusals', () => {
  testRefusals(
    context,
    roleMatrix<'documents', DossierWorld>('documents', {
      upload: { path: (w) => `/api/dossiers/${w.hoanKiem.code}/documents/giay-chung-sinh`, body: () => scan },
      download: { path: (w) => `/api/dossiers/${w.hoanKiem.code}/document-files/${w.hoanKiem.fileId}` },
    }),
  );
});

describe('result documents: role refusals', () => {
  testRefusals(
    context,
    roleMatrix<'resultDocuments', DossierWorld>('resultDocuments', {
      upload: { path: (w) => `/api/dossiers/${w.hoanKiem.code}/result-documents`, body: () => resultForm() },
      download: {
        path: (w) => `/api/dossiers/${w.hoanKiem.code}/result-documents/${w.hoanKiem.resultFileId}`,
      },
    }),
  );
});

describe('slips: role refusals', () => {
  testRefusals(
    context,
    roleMatrix<'slips', DossierWorld>('slips', {
      issued: { path: (w) => `/api/dossiers/${w.hoanKiem.code}/slips/${w.hoanKiem.slipNumber}.pdf` },
      controlSlip: { path: (w) => `/api/dossiers/${w.hoanKiem.code}/control-slip.pdf` },
      logBook: { path: () => logBook },
    }),
  );
});

const get = (who: Caller, what: string, path: (w: DossierWorld) => string): RefusedCall<DossierWorld> => ({
  who,
  what,
  method: 'GET',
  path,
  status: 404,
});

describe("documents: another agency's scans do not exist for the caller", () => {
  testRefusals(context, [
    {
      who: 'tiepnhan.badinh',
      what: "uploads a scan to Hoàn Kiếm's dossier",
      method: 'POST',
      path: (w) => `/api/dossiers/${w.hoanKiem.code}/documents/giay-chung-sinh`,
      body: scan,
      status: 404,
    },
    {
      who: 'tiepnhan.hoankiem',
      what: "uploads a scan to Ba Đình's dossier",
      method: 'POST',
      path: (w) => `/api/dossiers/${w.baDinh.code}/documents/giay-chung-sinh`,
      body: scan,
      status: 404,
    },
    get(
      'tiepnhan.badinh',
      "reads Hoàn Kiếm's scan",
      (w) => `/api/dossiers/${w.hoanKiem.code}/document-files/${w.hoanKiem.fileId}`,
    ),
    get(
      'lanhdao.congan',
      "the police leader reads Hoàn Kiếm's scan",
      (w) => `/api/dossiers/${w.hoanKiem.code}/document-files/${w.hoanKiem.fileId}`,
    ),
    get(
      'tiepnhan.hoankiem',
      "reads Ba Đình's scan through his own dossier",
      (w) => `/api/dossiers/${w.hoanKiem.code}/document-files/${w.baDinh.fileId}`,
    ),
    get(
      'tiepnhan.hoankiem',
      "reads Ba Đình's scan through Ba Đình's dossier",
      (w) => `/api/dossiers/${w.baDinh.code}/document-files/${w.baDinh.fileId}`,
    ),
  ]);
});

// Finding 2 of the security issue (branch h13-files closes it): a dossier may only reference files uploaded for
// it. Today the ids are stored as sent, and the download only checks that the id is listed on the dossier.
describe("documents: a dossier cannot take another agency's file by its id", () => {
  testRefusals(context, [
    {
      who: 'tiepnhan.hoankiem',
      what: "files a dossier listing Ba Đình's scan",
      method: 'POST',
      path: '/api/dossiers',
      body: (w) =>
        filing({
          documents: [
            { component: 'to-khai', original: true },
            { component: 'giay-chung-sinh', original: true, fileIds: [w.baDinh.fileId] },
          ],
        }),
      status: 400,
    },
    {
      who: 'tiepnhan.hoankiem',
      what: "records a supplement listing Ba Đình's scan",
      method: 'POST',
      path: (w) => `/api/dossiers/${w.supplement.code}/supplement`,
      body: (w) => ({ documents: [{ component: 'giay-chung-sinh', fileIds: [w.baDinh.fileId] }] }),
      status: 400,
    },
  ]);

  describe('a listed file uploaded for another dossier', () => {
    // As the old code stored it: Ba Đình's scan id on a Hoàn Kiếm dossier's entry.
    beforeAll(() =>
      DossierModel.updateOne(
        { code: world.supplement.code },
        { $push: { documents: { component: 'to-khai', fileIds: [world.baDinh.fileId], digitised: false } } },
      ),
    );
    testRefusals(context, [
      get(
        'tiepnhan.hoankiem',
        "reads Ba Đình's scan listed on his own dossier",
        (w) => `/api/dossiers/${w.supplement.code}/document-files/${w.baDinh.fileId}`,
      ),
    ]);
  });
});

describe('result documents: only the deciding or returning agency uploads, only the scope reads', () => {
  testRefusals(context, [
    {
      who: 'tiepnhan.badinh',
      what: "uploads a result to Hoàn Kiếm's dossier",
      method: 'POST',
      path: (w) => `/api/dossiers/${w.hoanKiem.code}/result-documents`,
      body: () => resultForm(),
      status: 404,
    },
    {
      who: 'tiepnhan.hoankiem',
      what: 'uploads a result to a dossier not being decided yet (status 1)',
      method: 'POST',
      path: (w) => `/api/dossiers/${w.citizen.code}/result-documents`,
      body: () => resultForm(),
      status: 409,
    },
    get(
      'tiepnhan.badinh',
      "reads Hoàn Kiếm's result",
      (w) => `/api/dossiers/${w.hoanKiem.code}/result-documents/${w.hoanKiem.resultFileId}`,
    ),
    get(
      'congdan',
      'a citizen reads the result of a dossier someone else applied for',
      (w) => `/api/dossiers/${w.hoanKiem.code}/result-documents/${w.hoanKiem.resultFileId}`,
    ),
    get(
      'tiepnhan.hoankiem',
      'reads a scan through the result route',
      (w) => `/api/dossiers/${w.hoanKiem.code}/result-documents/${w.hoanKiem.fileId}`,
    ),
  ]);

  describe('an agency that sees the dossier but neither decides nor returns it', () => {
    // The police were shown Ba Đình's dossier (an inter-agency step), which is processing at Ba Đình.
    beforeAll(async () => {
      const police = await AgencyModel.findOne({ code: '000.00.20.H26' }, { _id: 1 }).lean();
      await DossierModel.updateOne(
        { code: world.baDinh.code },
        { $set: { status: 4 }, $push: { visibleToAgencies: police!._id } },
      );
    });
    testRefusals(context, [
      {
        who: 'chuyenvien.congan',
        what: "uploads a result to Ba Đình's dossier it was shown",
        method: 'POST',
        path: (w) => `/api/dossiers/${w.baDinh.code}/result-documents`,
        body: () => resultForm(),
        status: 403,
      },
    ]);
  });
});

describe("slips: another agency's or person's slips do not exist for the caller", () => {
  testRefusals(context, [
    get(
      'tiepnhan.badinh',
      "reads Hoàn Kiếm's receipt",
      (w) => `/api/dossiers/${w.hoanKiem.code}/slips/${w.hoanKiem.slipNumber}.pdf`,
    ),
    get(
      'congdan',
      'a citizen reads the receipt of a dossier someone else applied for',
      (w) => `/api/dossiers/${w.hoanKiem.code}/slips/${w.hoanKiem.slipNumber}.pdf`,
    ),
    get(
      'tiepnhan.hoankiem',
      "reads Hoàn Kiếm's receipt under another dossier's code",
      (w) => `/api/dossiers/${w.citizen.code}/slips/${w.hoanKiem.slipNumber}.pdf`,
    ),
    get(
      'tiepnhan.badinh',
      "reads Hoàn Kiếm's control slip",
      (w) => `/api/dossiers/${w.hoanKiem.code}/control-slip.pdf`,
    ),
    get(
      'lanhdao.congan',
      "the police leader reads Hoàn Kiếm's control slip",
      (w) => `/api/dossiers/${w.hoanKiem.code}/control-slip.pdf`,
    ),
    get(
      'congdan2',
      "a citizen reads another citizen's control slip",
      (w) => `/api/dossiers/${w.citizen.code}/control-slip.pdf`,
    ),
  ]);
});

async function pdf(who: Caller, path: string) {
  const response = await fetch(`${system.url}${path}`, { headers: { cookie: system.as[who].cookie! } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  return (await pdfText(Buffer.from(await response.arrayBuffer()))).text;
}

test("the log book lists the caller's agency only", async () => {
  const baDinh = await pdf('tiepnhan.badinh', logBook);
  expect(baDinh).toContain(world.baDinh.code);
  for (const code of [world.hoanKiem.code, world.supplement.code, world.citizen.code]) {
    expect(baDinh).not.toContain(code);
  }
  const hoanKiem = await pdf('lanhdao.hoankiem', logBook);
  expect(hoanKiem).toContain(world.hoanKiem.code);
  expect(hoanKiem).not.toContain(world.baDinh.code);
});

test('the allowed side of the same calls: the agency reads its scans, results and slips; the citizen their own', async () => {
  const hk = world.hoanKiem;
  for (const who of ['tiepnhan.hoankiem', 'lanhdao.hoankiem'] as const) {
    const scanned = await send(
      system,
      system.as[who],
      'GET',
      `/api/dossiers/${hk.code}/document-files/${hk.fileId}`,
    );
    expect(scanned.status).toBe(200);
    const result = await send(
      system,
      system.as[who],
      'GET',
      `/api/dossiers/${hk.code}/result-documents/${hk.resultFileId}`,
    );
    expect(result.status).toBe(200);
    expect(await pdf(who, `/api/dossiers/${hk.code}/slips/${hk.slipNumber}.pdf`)).toContain(hk.code);
    expect(await pdf(who, `/api/dossiers/${hk.code}/control-slip.pdf`)).toContain(hk.code);
  }
  expect(await pdf('congdan', `/api/dossiers/${world.citizen.code}/control-slip.pdf`)).toContain(
    world.citizen.code,
  );
  const uploaded = await send(
    system,
    system.as['tiepnhan.hoankiem'],
    'POST',
    `/api/dossiers/${hk.code}/documents/giay-chung-sinh`,
    scan,
  );
  expect(uploaded.status).toBe(201);
  const resulted = await send(
    system,
    system.as['lanhdao.hoankiem'],
    'POST',
    `/api/dossiers/${hk.code}/result-documents`,
    resultForm(),
  );
  expect(resulted.status).toBe(201);
});
