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
  as = await signInAll(system, ['tiepnhan.hoankiem', 'chuyenvien.hoankiem']);
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

async function upload(code: string, component: string, body: Buffer) {
  const client = counter();
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
