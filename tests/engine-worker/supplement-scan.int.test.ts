// Documents that arrive after the dossier.scan step ran are digitised too: a file uploaded to a scanned dossier
// at once, and the files of a citizen's supplement by the supplement path's resume step (ResumeDeadline).
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { DossierModel } from '../../server/models/Dossier';
import type { ApiClient } from '../server/support/api-client';
import { birthRegistrationFiling, openTask, signInAll } from './filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

let system: LifecycleSystem;
let as: Record<string, ApiClient> = {};

beforeAll(async () => {
  system = await startLifecycleSystem();
  as = await signInAll(system, ['tiepnhan.hoankiem', 'chuyenvien.hoankiem', 'tiepnhan.badinh']);
});
afterAll(() => system.close());

const counter = () => as['tiepnhan.hoankiem']!;
const stored = (code: string) => DossierModel.findOne({ code }).lean();

function pdfOf(pages: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text('Trang 1');
    for (let page = 2; page <= pages; page++) doc.addPage().text(`Trang ${page}`);
    doc.end();
  });
}

async function upload(code: string, component: string, body: Buffer, client = counter()) {
  const response = await fetch(`${system.url}/api/dossiers/${code}/documents/${component}`, {
    method: 'POST',
    headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken!, 'content-type': 'application/pdf' },
    body: new Uint8Array(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { fileId: string }).fileId;
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

test('a file uploaded after the scan is digitised on upload; a supplement is digitised by the resume step', async () => {
  const filed = await counter().post('/api/dossiers', birthRegistrationFiling({ email: 'scan@example.vn' }));
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  const review = await openTask(as['chuyenvien.hoankiem']!, code, 'Review');
  expect((await stored(code))!.timeline.some((e) => e.action === 'dossier.digitised')).toBe(true);

  // After the scan: the upload itself digitises the component's entry.
  const declaration = await pdfOf(1);
  const declarationId = await upload(code, 'to-khai', declaration);
  const afterUpload = (await stored(code))!.documents.find((d) => d.component === 'to-khai')!;
  expect(afterUpload.fileIds).toEqual([declarationId]);
  expect(afterUpload).toMatchObject({ digitised: true, pages: 1, sha256: sha256(declaration) });

  // The supplement path: requested, the citizen's two-page certificate uploaded and supplied.
  const asked = await as['chuyenvien.hoankiem']!.post(`/api/tasks/${review._id}/complete`, {
    variables: {
      decision: 'supplement',
      supplementReason: 'Giấy chứng sinh bị mờ',
      missingComponents: ['giay-chung-sinh'],
    },
  });
  expect(asked.status).toBe(200);
  await eventually('supplement requested', async () => (await stored(code))?.status === 5);
  const certificate = await pdfOf(2);
  const certificateId = await upload(code, 'giay-chung-sinh', certificate);
  const supplied = await counter().post(`/api/dossiers/${code}/supplement`, {
    documents: [{ component: 'giay-chung-sinh', fileIds: [certificateId], original: true }],
  });
  expect(supplied.status).toBe(200);
  const entryOf = (d: Awaited<ReturnType<typeof stored>>) =>
    d!.documents.find((e) => e.component === 'giay-chung-sinh')!;

  // The supplement stores the supplied entry undigitised; the resume step digitises it, with its own timeline
  // event naming the BPMN element.
  const resumed = await eventually('supplement digitised', async () => {
    const d = await stored(code);
    return d?.timeline.some((e) => e.action === 'dossier.digitised' && e.elementId === 'ResumeDeadline')
      ? d
      : undefined;
  });
  expect(entryOf(resumed)).toMatchObject({
    fileIds: [certificateId],
    digitised: true,
    pages: 2,
    sha256: sha256(certificate),
  });
  expect(resumed.supplementRequests![0]!.suppliedAt).toBeInstanceOf(Date);
});

test("a supplement cannot list another agency's file: 400 naming documents[i].fileIds[j], nothing changed", async () => {
  // A Hoàn Kiếm dossier with its certificate scan.
  const hoanKiem = await counter().post('/api/dossiers', birthRegistrationFiling());
  expect(hoanKiem.status).toBe(201);
  const scan = await upload(hoanKiem.body.dossier.code, 'giay-chung-sinh', await pdfOf(1));

  // A Ba Đình dossier waiting for a supplement (Ba Đình has no reviewer among the demo users: the request is
  // placed as the review would have placed it, once the intake and scan steps are done).
  const baDinh = await as['tiepnhan.badinh']!.post('/api/dossiers', birthRegistrationFiling());
  expect(baDinh.status).toBe(201);
  const code = baDinh.body.dossier.code as string;
  await eventually('Ba Đình dossier scanned', async () =>
    (await stored(code))?.timeline.some((e) => e.action === 'dossier.digitised'),
  );
  await DossierModel.updateOne(
    { code },
    {
      $set: {
        status: 5,
        supplementRequests: [
          { key: 'probe', requestedAt: new Date(), missingComponents: ['giay-chung-sinh'], reason: 'Thiếu' },
        ],
      },
    },
  );
  const before = await stored(code);
  const own = await upload(code, 'to-khai', await pdfOf(1), as['tiepnhan.badinh']!);

  const supplied = await as['tiepnhan.badinh']!.post(`/api/dossiers/${code}/supplement`, {
    documents: [
      { component: 'to-khai', fileIds: [own], original: true },
      { component: 'giay-chung-sinh', fileIds: [scan], original: true },
    ],
  });
  expect(supplied.status).toBe(400);
  expect(supplied.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
    'documents[1].fileIds[0]',
  ]);
  const after = await stored(code);
  expect(after!.status).toBe(5);
  expect(after!.supplementRequests).toEqual(before!.supplementRequests);
  expect(after!.documents.find((d) => d.component === 'giay-chung-sinh')).toEqual(
    before!.documents.find((d) => d.component === 'giay-chung-sinh'),
  );
  expect(after!.timeline.filter((e) => e.action === 'dossier.supplemented')).toEqual([]);

  // Its own upload, under the component it was uploaded for, is taken.
  const ownOnly = await as['tiepnhan.badinh']!.post(`/api/dossiers/${code}/supplement`, {
    documents: [{ component: 'to-khai', fileIds: [own], original: true }],
  });
  expect(ownOnly.status).toBe(200);
});
