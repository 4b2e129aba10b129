// Result documents: the signed result scan uploaded over HTTP (multipart) by the deciding or returning agency,
// stored in GridFS, shown in the dossier, recorded by the result.return step and named in the applicant's e-mail.
import { AuditEventModel } from '../../server/models/AuditEvent';
import { DossierModel } from '../../server/models/Dossier';
import type { ApiClient } from '../server/support/api-client';
import { birthRegistrationFiling, openTask, signInAll } from './filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from './lifecycle-system';

let system: LifecycleSystem;
let as: Record<string, ApiClient> = {};

beforeAll(async () => {
  system = await startLifecycleSystem();
  as = await signInAll(system, [
    'tiepnhan.hoankiem',
    'chuyenvien.hoankiem',
    'lanhdao.hoankiem',
    'tiepnhan.badinh',
    'congdan',
  ]);
});
afterAll(() => system.close());

const counter = () => as['tiepnhan.hoankiem']!;
const stored = (code: string) => DossierModel.findOne({ code }).lean();

const pdf = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );

type Part =
  { field: string; value: string } | { field: string; filename: string; type: string; content: Buffer };

/** POST multipart/form-data as the browser's FormData sends it, with the client's session and CSRF token. */
async function postForm(client: ApiClient, path: string, parts: Part[]) {
  const form = new FormData();
  for (const part of parts) {
    if ('value' in part) form.append(part.field, part.value);
    else
      form.append(part.field, new Blob([new Uint8Array(part.content)], { type: part.type }), part.filename);
  }
  const response = await fetch(`${system.url}${path}`, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
    },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function fileAndDecide(decision: 'approve' | 'refuse') {
  const filed = await counter().post('/api/dossiers', birthRegistrationFiling({ email: 'kq@example.vn' }));
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  const review = await openTask(as['chuyenvien.hoankiem']!, code, 'Review');
  const reviewed = await as['chuyenvien.hoankiem']!.post(`/api/tasks/${review._id}/complete`, {
    variables:
      decision === 'approve'
        ? { decision }
        : { decision, refusalReason: 'Không thuộc thẩm quyền giải quyết' },
  });
  expect(reviewed.status).toBe(200);
  if (decision === 'refuse') {
    await eventually('refused', async () => (await stored(code))?.status === 3);
    return code;
  }
  const sign = await openTask(as['lanhdao.hoankiem']!, code, 'Sign');
  expect(
    (await as['lanhdao.hoankiem']!.post(`/api/tasks/${sign._id}/complete`, { variables: { decision } }))
      .status,
  ).toBe(200);
  await eventually('result ready', async () => (await stored(code))?.status === 9);
  return code;
}

test('the returning counter uploads the signed result; the dossier, the return step and the e-mail carry it', async () => {
  const code = await fileAndDecide('approve');
  const scan = pdf('Giay khai sinh ban chinh');
  const path = `/api/dossiers/${code}/result-documents`;

  // Refused calls first: none of them stores anything.
  const citizen = await postForm(as.congdan!, path, [
    { field: 'name', value: 'Giấy khai sinh' },
    { field: 'file', filename: 'gks.pdf', type: 'application/pdf', content: scan },
  ]);
  expect(citizen.status).toBe(403);
  const otherCommune = await postForm(as['tiepnhan.badinh']!, path, [
    { field: 'name', value: 'Giấy khai sinh' },
    { field: 'file', filename: 'gks.pdf', type: 'application/pdf', content: scan },
  ]);
  expect(otherCommune.status).toBe(404);
  // An agency the dossier was shown to (a partner of a transfer) that neither decides nor returns it: 403.
  const baDinh = (await DossierModel.db.collection('agencies').findOne({ code: '001.00.32.H26' }))!._id;
  await DossierModel.updateOne({ code }, { $addToSet: { visibleToAgencies: baDinh } });
  const partner = await postForm(as['tiepnhan.badinh']!, path, [
    { field: 'name', value: 'Giấy khai sinh' },
    { field: 'file', filename: 'gks.pdf', type: 'application/pdf', content: scan },
  ]);
  expect(partner.status).toBe(403);
  expect(partner.body.error.fields[0].message).toMatch(/cơ quan đang giải quyết hoặc cơ quan trả kết quả/);
  await DossierModel.updateOne({ code }, { $pull: { visibleToAgencies: baDinh } });
  const noName = await postForm(counter(), path, [
    { field: 'file', filename: 'gks.pdf', type: 'application/pdf', content: scan },
  ]);
  expect(noName.status).toBe(400);
  expect(noName.body.error.fields[0].path).toBe('name');
  expect(noName.body.error.fields[0].message).toMatch(/Tên giấy tờ kết quả \(name\) là bắt buộc/);
  // The same rules as every name of the API: no direction override, something to read.
  for (const [name, message] of [
    ['Giấy khai sinh \u202Eeht', 'Không được chứa ký tự đổi chiều văn bản (như U+202E)'],
    ['\u200B\u200B', 'Không được chứa ký tự điều khiển hoặc ký tự ẩn'],
  ]) {
    const hostile = await postForm(counter(), path, [
      { field: 'name', value: name! },
      { field: 'file', filename: 'gks.pdf', type: 'application/pdf', content: scan },
    ]);
    expect(hostile.status).toBe(400);
    expect(hostile.body.error.fields).toEqual([{ path: 'name', message }]);
  }
  const word = await postForm(counter(), path, [
    { field: 'name', value: 'Giấy khai sinh' },
    {
      field: 'file',
      filename: 'gks.docx',
      type: 'application/msword',
      content: Buffer.from('PK\u0003\u0004'),
    },
  ]);
  expect(word.status).toBe(415);
  expect(word.body.error.fields[0].path).toBe('file[0]');
  expect(word.body.error.fields[0].message).toMatch(
    /"gks.docx" \(file\[0\]\) có loại "application\/msword" không được nhận/,
  );
  // Declared a PDF, but the content is not one.
  const disguised = await postForm(counter(), path, [
    { field: 'name', value: 'Giấy khai sinh' },
    { field: 'file', filename: 'gks.pdf', type: 'application/pdf', content: Buffer.from('<html>') },
  ]);
  expect(disguised.status).toBe(415);
  // A real PDF that runs JavaScript: checked by the same inspection as counter uploads.
  const scripted = await postForm(counter(), path, [
    { field: 'name', value: 'Giấy khai sinh' },
    {
      field: 'file',
      filename: 'gks.pdf',
      type: 'application/pdf',
      content: Buffer.from(
        pdf('x')
          .toString('latin1')
          .replace('/Type /Catalog', '/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>'),
        'latin1',
      ),
    },
  ]);
  expect(scripted.status).toBe(415);
  expect(scripted.body.error.fields[0].message).toMatch(/JavaScript/);
  const noFile = await postForm(counter(), path, [{ field: 'name', value: 'Giấy khai sinh' }]);
  expect(noFile.status).toBe(400);
  expect(noFile.body.error.fields[0].path).toBe('file');
  const json = await counter().post(path, { name: 'Giấy khai sinh' });
  expect(json.status).toBe(415);
  expect(json.body.error.fields[0].path).toBe('content-type');
  const tooLarge = await postForm(counter(), path, [
    { field: 'name', value: 'Giấy khai sinh' },
    {
      field: 'file',
      filename: 'big.pdf',
      type: 'application/pdf',
      content: Buffer.concat([scan, Buffer.alloc(21 * 1024 * 1024)]),
    },
  ]);
  expect(tooLarge.status).toBe(413);
  expect((await stored(code))!.result?.documents ?? []).toHaveLength(0);

  const uploaded = await postForm(counter(), path, [
    { field: 'name', value: 'Giấy khai sinh (bản chính)' },
    { field: 'file', filename: 'giấy khai sinh.pdf', type: 'application/pdf', content: scan },
  ]);
  expect(uploaded.status).toBe(201);
  expect(uploaded.body.document).toMatchObject({
    name: 'Giấy khai sinh (bản chính)',
    uploadedBy: 'tiepnhan.hoankiem',
  });
  expect(uploaded.body.document.sha256).toMatch(/^[0-9a-f]{64}$/);
  const [fileId] = uploaded.body.document.fileIds as string[];
  expect(
    await AuditEventModel.exists({ action: 'dossier.result-document-upload', 'target.key': code }),
  ).toBeTruthy();

  // Visible in GET dossier, and the file comes back byte for byte.
  const detail = await counter().get(`/api/dossiers/${code}`);
  expect(detail.status).toBe(200);
  const shown = JSON.stringify(detail.body);
  expect(shown).toContain('Giấy khai sinh (bản chính)');
  expect(shown).toContain(fileId);
  const download = await fetch(`${system.url}${path}/${fileId}`, { headers: { cookie: counter().cookie! } });
  expect(download.status).toBe(200);
  expect(download.headers.get('content-type')).toBe('application/pdf');
  expect(Buffer.from(await download.arrayBuffer()).equals(scan)).toBe(true);
  const unlisted = await counter().get(`${path}/${'0'.repeat(24)}`);
  expect(unlisted.status).toBe(404);

  const handOver = await openTask(counter(), code, 'HandOverResult');
  const done = await counter().post(`/api/tasks/${handOver._id}/complete`, {
    variables: { decision: 'approve', returnChannel: 'counter', receivedBy: 'Nguyễn Văn An' },
  });
  expect(done.status).toBe(200);
  const delivered = await eventually('delivered', async () => {
    const d = await stored(code);
    return d?.status === 10 ? d : undefined;
  });
  const event = delivered.timeline.find((e) => e.action === 'dossier.delivered');
  expect(event?.note).toContain('giấy tờ kết quả: Giấy khai sinh (bản chính)');
  const mail = await eventually('delivered e-mail', async () =>
    system.mails.find(
      (m) => m.raw.includes('kq@example.vn') && decoded(m.raw).includes(`${code} đã trả kết quả`),
    ),
  );
  expect(decoded(mail.raw)).toContain('Giấy tờ kết quả: Giấy khai sinh (bản chính) (1 tệp).');

  // Delivered: the result is closed.
  const late = await postForm(counter(), path, [
    { field: 'name', value: 'Bản sao' },
    { field: 'file', filename: 'x.pdf', type: 'application/pdf', content: scan },
  ]);
  expect(late.status).toBe(409);
  expect(late.body.error.fields[0].path).toBe('status');
});

test('a refused dossier takes no result document', async () => {
  const code = await fileAndDecide('refuse');
  const refused = await postForm(counter(), `/api/dossiers/${code}/result-documents`, [
    { field: 'name', value: 'Giấy khai sinh' },
    { field: 'file', filename: 'gks.pdf', type: 'application/pdf', content: pdf('x') },
  ]);
  expect(refused.status).toBe(409);
  expect(refused.body.error.fields[0].message).toMatch(/không nhận giấy tờ kết quả/);
  expect((await stored(code))!.result).toBeUndefined();
});

/** The message's subject and body decoded (RFC 2047 words, quoted-printable or base64). */
function decoded(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const qp = (s: string) =>
    Buffer.from(
      s
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  const subject = (/^subject:\s*(.*)$/im.exec(unfolded)?.[1] ?? '')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
    );
  const body = rest.join('\n\n');
  const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(unfolded)?.[1]?.toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? qp(body)
        : body;
  return `${subject}\n${text}`;
}
