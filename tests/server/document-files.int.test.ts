// The task screen's document viewer reads uploaded files back: GET /api/dossiers/:code/document-files/:fileId
// answers the stored bytes inline with their type, to the dossier's agency only, and only for files listed on it.
import { Types } from 'mongoose';
import { ApiClient } from './support/api-client';
import { counterSubmission, publishBirthRegistration } from './support/fixtures';
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
