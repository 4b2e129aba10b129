// Document upload through HTTP: a generated two-page PDF lands in the GridFS bucket `documents` with its
// metadata, byte for byte, and the dossier lists its id under the component (files join the entry in order); wrong type (415), too large (413,
// naming the limit), unknown component and another agency's dossier (404) store nothing.
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import PDFDocument from 'pdfkit';
import { countPages } from '../../engine-worker/jobs/dossier-scan';
import { DossierModel } from '../../server/models/Dossier';
import { ApiClient } from '../server/support/api-client';
import { counterSubmission, publishBirthRegistration } from '../server/support/fixtures';
import { startTestSystem, type TestSystem } from '../server/support/test-system';

let system: TestSystem;
let counter: ApiClient;
let code: string;

async function signedIn(username: string): Promise<ApiClient> {
  const client = new ApiClient(() => system.url);
  expect((await client.login(username, system.logins[username]!.password)).status).toBe(200);
  return client;
}

function twoPagePdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text('Giay chung sinh - trang 1');
    doc.addPage().text('Trang 2');
    doc.end();
  });
}

async function upload(client: ApiClient, path: string, type: string, body: Buffer) {
  const response = await fetch(`${system.url}${path}`, {
    method: 'POST',
    headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken!, 'content-type': type },
    body: new Uint8Array(body),
  });
  return { status: response.status, body: await response.json() };
}

const bucket = () => new mongoose.mongo.GridFSBucket(mongoose.connection.db!, { bucketName: 'documents' });
const storedFiles = () => bucket().find({}).toArray();

beforeAll(async () => {
  system = await startTestSystem();
  await publishBirthRegistration();
  counter = await signedIn('tiepnhan.hoankiem');
  const submitted = await counter.post('/api/dossiers', counterSubmission());
  expect(submitted.status).toBe(201);
  code = submitted.body.dossier.code;
}, 60_000);
afterAll(() => system?.close());

test('a PDF is stored in GridFS with its metadata and listed under the component', async () => {
  const pdf = await twoPagePdf();
  const response = await upload(
    counter,
    `/api/dossiers/${code}/documents/giay-chung-sinh`,
    'application/pdf',
    pdf,
  );
  expect(response.status).toBe(201);
  expect(response.body).toMatchObject({
    component: 'giay-chung-sinh',
    contentType: 'application/pdf',
    size: pdf.length,
  });

  const [file] = await bucket()
    .find({ _id: new mongoose.Types.ObjectId(response.body.fileId) })
    .toArray();
  expect(file?.metadata).toEqual({
    contentType: 'application/pdf',
    dossierCode: code,
    component: 'giay-chung-sinh',
  });
  const chunks: Buffer[] = [];
  for await (const chunk of bucket().openDownloadStream(file!._id)) chunks.push(chunk as Buffer);
  const content = Buffer.concat(chunks);
  expect(createHash('sha256').update(content).digest('hex')).toBe(
    createHash('sha256').update(pdf).digest('hex'),
  );
  expect(countPages(content, 'application/pdf')).toBe(2);

  const dossier = await DossierModel.findOne({ code }).lean();
  const entries = dossier!.documents.filter((d) => d.component === 'giay-chung-sinh');
  expect(entries).toHaveLength(1);
  expect(entries[0]!.fileIds).toEqual([response.body.fileId]);
  expect(entries[0]!.digitised).toBe(false);
});

test('an unknown component is 404; each file of a component joins its one entry, in order', async () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const first = await upload(counter, `/api/dossiers/${code}/documents/giay-to-khac`, 'image/png', png);
  // The birth registration has no such component: nothing stored.
  expect(first.status).toBe(404);
  expect(first.body.error.fields[0].message).toContain('giay-to-khac');
  const again = await upload(counter, `/api/dossiers/${code}/documents/to-khai`, 'image/png', png);
  expect(again.status).toBe(201);
  const dossier = await DossierModel.findOne({ code }).lean();
  expect(dossier!.documents.filter((d) => d.component === 'to-khai')[0]!.fileIds).toEqual([
    again.body.fileId,
  ]);
  const second = await upload(counter, `/api/dossiers/${code}/documents/to-khai`, 'image/jpeg', png);
  expect(second.status).toBe(201);
  const after = await DossierModel.findOne({ code }).lean();
  const entries = after!.documents.filter((d) => d.component === 'to-khai');
  expect(entries).toHaveLength(1);
  expect(entries[0]!.fileIds).toEqual([again.body.fileId, second.body.fileId]);
});

test('a component the dossier has no entry for gets a new entry', async () => {
  const submitted = await counter.post(
    '/api/dossiers',
    counterSubmission({ documents: [{ component: 'to-khai', original: true }] }),
  );
  expect(submitted.status).toBe(201);
  const other = submitted.body.dossier.code as string;
  const pdf = await twoPagePdf();
  const response = await upload(
    counter,
    `/api/dossiers/${other}/documents/giay-chung-sinh`,
    'application/pdf',
    pdf,
  );
  expect(response.status).toBe(201);
  const dossier = await DossierModel.findOne({ code: other }).lean();
  expect(dossier!.documents.map((d) => [d.component, d.fileIds])).toEqual([
    ['to-khai', []],
    ['giay-chung-sinh', [response.body.fileId]],
  ]);
});

test('wrong type is 415 naming the type, too large is 413 naming the limit; nothing stored', async () => {
  const before = (await storedFiles()).length;
  const text = await upload(
    counter,
    `/api/dossiers/${code}/documents/to-khai`,
    'text/plain',
    Buffer.from('x'),
  );
  expect(text.status).toBe(415);
  expect(text.body.error.fields[0].message).toContain('text/plain');
  const big = await upload(
    counter,
    `/api/dossiers/${code}/documents/to-khai`,
    'application/pdf',
    Buffer.alloc(20 * 1024 * 1024 + 1, 0x20),
  );
  expect(big.status).toBe(413);
  expect(big.body.error.message).toContain('20 MB');
  expect((await storedFiles()).length).toBe(before);
});

test("another agency's officer cannot upload to the dossier", async () => {
  const baDinh = await signedIn('tiepnhan.badinh');
  const before = (await storedFiles()).length;
  const response = await upload(
    baDinh,
    `/api/dossiers/${code}/documents/to-khai`,
    'application/pdf',
    await twoPagePdf(),
  );
  expect(response.status).toBe(404);
  expect((await storedFiles()).length).toBe(before);
});
