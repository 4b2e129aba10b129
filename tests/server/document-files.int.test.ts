// The task screen's document viewer reads uploaded files back: GET /api/dossiers/:code/document-files/:fileId
// answers the stored bytes inline with their type, to the dossier's agency only, and only for files listed on it
// and uploaded for it; a dossier lists only files uploaded for it, whatever ids a request names.
import { Types } from 'mongoose';
import { digitiseDocuments } from '../../server/domain/document-digitising';
import { DossierModel } from '../../server/models/Dossier';
import { ApiClient } from './support/api-client';
import { counterSubmission, publishBirthRegistration } from './support/fixtures';
import { storeCounts } from './support/store-snapshot';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
const as: Record<string, ApiClient> = {};
// A 1×1 PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  system = await startTestSystem();
  await publishBirthRegistration();
  for (const username of ['tiepnhan.hoankiem', 'lanhdao.hoankiem', 'tiepnhan.badinh']) {
    as[username] = new ApiClient(() => system.url);
    expect((await as[username]!.login(username, system.logins[username]!.password)).status).toBe(200);
  }
});
afterAll(() => system.close());

async function upload(code: string, component: string, body: Buffer, type: string) {
  const client = as['tiepnhan.hoankiem']!;
  const response = await fetch(`${system.url}/api/dossiers/${code}/documents/${component}`, {
    method: 'POST',
    headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken!, 'content-type': type },
    body: new Uint8Array(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { fileId: string }).fileId;
}

const download = (username: string, code: string, fileId: string) =>
  fetch(`${system.url}/api/dossiers/${code}/document-files/${fileId}`, {
    headers: { cookie: as[username]!.cookie! },
  });

test('an uploaded scan comes back inline with its type to the agency, not to another one', async () => {
  const code = (await as['tiepnhan.hoankiem']!.post('/api/dossiers', counterSubmission())).body.dossier
    .code as string;
  const fileId = await upload(code, 'giay-chung-sinh', png, 'image/png');

  const leader = await download('lanhdao.hoankiem', code, fileId);
  expect(leader.status).toBe(200);
  expect(leader.headers.get('content-type')).toBe('image/png');
  expect(leader.headers.get('content-disposition')).toMatch(/^inline;/);
  expect(Buffer.from(await leader.arrayBuffer()).equals(png)).toBe(true);

  expect((await download('tiepnhan.badinh', code, fileId)).status).toBe(404);
  // A file id that exists but is not listed on this dossier, and one that does not exist.
  const other = (await as['tiepnhan.hoankiem']!.post('/api/dossiers', counterSubmission())).body.dossier
    .code as string;
  expect((await download('tiepnhan.hoankiem', other, fileId)).status).toBe(404);
  expect((await download('tiepnhan.hoankiem', code, new Types.ObjectId().toHexString())).status).toBe(404);
});

describe("another dossier's file", () => {
  // The probe of the security review: file ids are ObjectIds, so a neighbouring id is easy to guess.
  it('is refused in a new dossier, naming documents[i].fileIds[j], and nothing is stored', async () => {
    const hoanKiem = (await as['tiepnhan.hoankiem']!.post('/api/dossiers', counterSubmission())).body.dossier
      .code as string;
    const scan = await upload(hoanKiem, 'giay-chung-sinh', png, 'image/png');
    const neighbour = (BigInt(`0x${scan}`) + 1n).toString(16).padStart(24, '0');
    const storedBefore = await DossierModel.findOne({ code: hoanKiem }).lean();
    const countsBefore = await storeCounts();

    const response = await as['tiepnhan.badinh']!.post(
      '/api/dossiers',
      counterSubmission({
        documents: [
          { component: 'to-khai', original: true },
          { component: 'giay-chung-sinh', original: true, fileIds: [scan, neighbour] },
        ],
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      'documents[1].fileIds[0]',
      'documents[1].fileIds[1]',
    ]);
    expect(response.body.error.fields[0].message).toContain(scan);
    expect(await storeCounts()).toEqual(countsBefore);
    expect(await DossierModel.findOne({ code: hoanKiem }).lean()).toEqual(storedBefore);

    // Within one agency too: a file of one dossier cannot be listed on a new one.
    const same = await as['tiepnhan.hoankiem']!.post(
      '/api/dossiers',
      counterSubmission({ documents: [{ component: 'giay-chung-sinh', fileIds: [scan] }] }),
    );
    expect(same.status).toBe(400);
    expect(same.body.error.fields[0].path).toBe('documents[0].fileIds[0]');
    expect(await storeCounts()).toEqual(countsBefore);
  });

  it('listed on a dossier by tampering is not served (404); a file is named after the dossier it is fetched from', async () => {
    const hoanKiem = (await as['tiepnhan.hoankiem']!.post('/api/dossiers', counterSubmission())).body.dossier
      .code as string;
    const scan = await upload(hoanKiem, 'giay-chung-sinh', png, 'image/png');
    const baDinh = (await as['tiepnhan.badinh']!.post('/api/dossiers', counterSubmission())).body.dossier
      .code as string;
    await DossierModel.updateOne(
      { code: baDinh },
      {
        $set: {
          documents: [{ component: 'giay-chung-sinh', fileIds: [scan], digitised: false, original: true }],
        },
      },
    );
    expect((await download('tiepnhan.badinh', baDinh, scan)).status).toBe(404);
    // Nor read by the scan step: no hash or page count of another dossier's file lands on this one.
    const tampered = await DossierModel.findOne({ code: baDinh }).lean();
    await expect(
      digitiseDocuments(tampered!._id, {
        actor: { kind: 'system' },
        action: 'dossier.digitised',
        key: 'probe',
      }),
    ).rejects.toThrow(/Không tìm thấy tệp/);
    expect(await DossierModel.findOne({ code: baDinh }).lean()).toEqual(tampered);

    const own = await download('tiepnhan.hoankiem', hoanKiem, scan);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent(`${hoanKiem}-giay-chung-sinh.png`)}`,
    );
  });
});
