// Document upload through HTTP: a generated two-page PDF lands in the GridFS bucket `documents` with its
// metadata (pages as the PDF parser counts them), byte for byte, and the dossier lists its id under the
// component (files join the entry in order); wrong type, bytes that are not the declared type, PDFs that are
// not PDFs or carry active content (415), too large (413, naming the limit), unknown component and another
// agency's dossier (404) store nothing.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import mongoose from 'mongoose';
import PDFDocument from 'pdfkit';
import { digitiseDocuments } from '../../server/domain/document-digitising';
import { DossierModel } from '../../server/models/Dossier';
import { ApiClient } from './support/api-client';
import { counterSubmission, publishBirthRegistration } from './support/fixtures';
import { startTestSystem, type TestSystem } from './support/test-system';

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
    pages: 2,
  });
  const chunks: Buffer[] = [];
  for await (const chunk of bucket().openDownloadStream(file!._id)) chunks.push(chunk as Buffer);
  const content = Buffer.concat(chunks);
  expect(createHash('sha256').update(content).digest('hex')).toBe(
    createHash('sha256').update(pdf).digest('hex'),
  );

  const dossier = await DossierModel.findOne({ code }).lean();
  const entries = dossier!.documents.filter((d) => d.component === 'giay-chung-sinh');
  expect(entries).toHaveLength(1);
  expect(entries[0]!.fileIds).toEqual([response.body.fileId]);
  expect(entries[0]!.digitised).toBe(false);
});

test('an unknown component is 404; each file of a component joins its one entry, in order', async () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
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
  const second = await upload(counter, `/api/dossiers/${code}/documents/to-khai`, 'image/jpeg', jpeg);
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

/** A one-page PDF with `catalogExtra` in its catalog and objects 4… after the page, cross-referenced. */
function pdfWith(catalogExtra: string, objects: string[] = [], pageExtra = '', claimedPages = 1): Buffer {
  const bodies = [
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra} >>`,
    `<< /Type /Pages /Kids [3 0 R] /Count ${claimedPages} >>`,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${pageExtra} >>`,
    ...objects,
  ];
  let text = '%PDF-1.7\n';
  const offsets = bodies.map((body, i) => {
    const at = text.length;
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = text.length;
  text += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) text += `${String(at).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

describe('the bytes decide, not the declared type', () => {
  const refusedUploads: [string, string, () => Buffer | Promise<Buffer>, RegExp][] = [
    [
      'a zip declared as PDF',
      'application/pdf',
      () => Buffer.from('504b0304140000000800', 'hex'),
      /không phải application\/pdf/,
    ],
    [
      'a PNG declared as JPEG',
      'image/jpeg',
      () => Buffer.from('89504e470d0a1a0a0000000d', 'hex'),
      /image\/jpeg/,
    ],
    [
      'a fake PDF of 100,000 "/Type /Page" lines',
      'application/pdf',
      () => Buffer.from(`%PDF-1.4\n${'/Type /Page\n'.repeat(100_000)}%%EOF\n`, 'latin1'),
      /không đọc được/,
    ],
    [
      'a PDF that runs JavaScript when opened',
      'application/pdf',
      () => pdfWith('/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>'),
      /JavaScript/,
    ],
    [
      'a PDF whose JavaScript name is hex-escaped',
      'application/pdf',
      () => pdfWith('/OpenAction << /S /Java#53cript /J#53 (this.print\\(\\)) >>'),
      /JavaScript/,
    ],
    [
      'a PDF with JavaScript inside a compressed object stream',
      'application/pdf',
      () => {
        const objects = deflateSync(Buffer.from('5 0 << /S /JavaScript /JS (app.alert\\(1\\)) >>'));
        return pdfWith('/OpenAction 5 0 R', [
          `<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${objects.length} >>\nstream\n${objects.toString('latin1')}\nendstream`,
        ]);
      },
      /JavaScript/,
    ],
    [
      'a PDF with a script link hidden in stream data (found when pdf.js rebuilds the cross-references)',
      'application/pdf',
      () => {
        const hidden =
          '5 0 obj << /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /JavaScript /JS (x\\(\\)) >> >> endobj\n';
        return pdfWith('', [`<< /Length ${hidden.length} >>\nstream\n${hidden}endstream`], '/Annots [5 0 R]');
      },
      /JavaScript/,
    ],
    [
      'a PDF that launches a program',
      'application/pdf',
      () => pdfWith('/OpenAction << /S /Launch /F (cmd.exe) >>'),
      /Launch/,
    ],
    [
      'a PDF carrying an embedded file',
      'application/pdf',
      () =>
        pdfWith('/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >>', [
          '<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>',
          '<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream',
        ]),
      /EmbeddedFile/,
    ],
  ];

  test.each(refusedUploads)(
    '%s is refused 415 naming the body, nothing stored',
    async (_what, type, content, message) => {
      const before = await storedFiles();
      const dossierBefore = await DossierModel.findOne({ code }).lean();
      const response = await upload(
        counter,
        `/api/dossiers/${code}/documents/to-khai`,
        type,
        await content(),
      );
      expect(response.status).toBe(415);
      expect(response.body.error.fields[0].path).toBe('body');
      expect(response.body.error.fields[0].message).toMatch(message);
      expect(await storedFiles()).toEqual(before);
      expect(await DossierModel.findOne({ code }).lean()).toEqual(dossierBefore);
    },
  );

  test('a PDF with a plain opening view and a web link is kept, its page counted by the parser', async () => {
    const response = await upload(
      counter,
      `/api/dossiers/${code}/documents/to-khai`,
      'application/pdf',
      pdfWith(
        '/OpenAction [3 0 R /Fit]',
        [
          '<< /Type /Annot /Subtype /Link /Rect [0 0 100 20] /A << /S /URI /URI (https://dichvucong.gov.vn) >> >>',
        ],
        '/Annots [4 0 R]',
      ),
    );
    expect(response.status).toBe(201);
    const [file] = await bucket()
      .find({ _id: new mongoose.Types.ObjectId(response.body.fileId) })
      .toArray();
    expect(file?.metadata).toMatchObject({ pages: 1 });
  });

  test('a page tree that claims a million pages is counted as the pages it has', async () => {
    const response = await upload(
      counter,
      `/api/dossiers/${code}/documents/to-khai`,
      'application/pdf',
      pdfWith('', [], '', 1_000_002),
    );
    expect(response.status).toBe(201);
    const [file] = await bucket()
      .find({ _id: new mongoose.Types.ObjectId(response.body.fileId) })
      .toArray();
    expect(file?.metadata).toMatchObject({ pages: 1 });
  });

  test('a file stored before uploads were parsed is counted by the parser when digitised, not by a regex', async () => {
    const submitted = await counter.post('/api/dossiers', counterSubmission());
    const other = submitted.body.dossier.code as string;
    const fake = Buffer.from(`%PDF-1.4\n${'/Type /Page\n'.repeat(100_000)}%%EOF\n`, 'latin1');
    const stream = bucket().openUploadStream(`${other}-to-khai`, {
      metadata: { contentType: 'application/pdf', dossierCode: other, component: 'to-khai' },
    });
    await new Promise((resolve, reject) => stream.once('finish', resolve).once('error', reject).end(fake));
    const stored = await DossierModel.findOneAndUpdate(
      { code: other },
      {
        $set: {
          documents: [
            { component: 'to-khai', fileIds: [stream.id.toString()], digitised: false, original: true },
          ],
        },
      },
      { returnDocument: 'after', lean: true },
    );
    const documents = await digitiseDocuments(stored!._id, {
      actor: { kind: 'system' },
      action: 'dossier.digitised',
      key: 'legacy-scan',
    });
    expect(documents[0]).toMatchObject({ digitised: true, pages: 0 });
  });
});
