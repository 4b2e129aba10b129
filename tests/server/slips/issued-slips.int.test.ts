// Slips 02–05 rendered from the data their workers store (same shape as engine-worker/jobs), without the engine:
// the slips are put on the dossier through mongoose, then fetched over HTTP by the counter officer and by the
// citizen who owns the dossier; each PDF's text carries the stored reason, dates and the dossier's fields.
import { Types } from 'mongoose';
import { APOLOGY_TITLE } from '../../../server/slips/apology';
import { REFUSAL_TITLE } from '../../../server/slips/refusal';
import { STOP_NOTICE_TITLE } from '../../../server/slips/stop-notice';
import { SUPPLEMENT_REQUEST_TITLE } from '../../../server/slips/supplement-request';
import { DossierModel, type IssuedSlip } from '../../../server/models/Dossier';
import { ApiClient } from '../support/api-client';
import { counterSubmission, publishBirthRegistration } from '../support/fixtures';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { pdfText } from './pdf-text';

let system: TestSystem;
let counter: ApiClient;
let code: string;

async function pdfOf(client: ApiClient, path: string) {
  const response = await fetch(`${system.url}${path}`, { headers: { cookie: client.cookie! } });
  if (response.status !== 200) return { status: response.status, text: '' };
  return { status: 200, text: (await pdfText(Buffer.from(await response.arrayBuffer()))).text };
}

beforeAll(async () => {
  system = await startTestSystem();
  await publishBirthRegistration();
  counter = new ApiClient(() => system.url);
  await counter.login('tiepnhan.hoankiem', system.logins['tiepnhan.hoankiem']!.password);
  const submitted = await counter.post('/api/dossiers', counterSubmission());
  expect(submitted.status).toBe(201);
  code = submitted.body.dossier.code;
  const base = {
    agencyCode: submitted.body.dossier.receivingAgencyCode ?? code.split('-')[0],
    dossierCode: code,
    applicant: { name: 'Nguyễn Văn An', phone: '0912345678' },
    procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
    receivedAt: '2026-03-02T02:00:00.000Z',
  };
  // A leader acts on the dossier after the counter officer filed it; 04 and 05 are issued after both.
  const leader = await DossierModel.db.collection('users').findOne({ username: 'lanhdao.hoankiem' });
  const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000);
  await DossierModel.updateOne(
    { code },
    {
      $push: {
        timeline: {
          at: soon(1),
          actor: { kind: 'user', userId: leader!._id, username: 'lanhdao.hoankiem' },
          action: 'task.completed',
        },
      },
    },
  );
  const slips: IssuedSlip[] = [
    {
      kind: '02',
      number: `02-${code}-1`,
      formNumber: '18/PBSHS',
      key: 'k2',
      issuedAt: new Date('2026-03-03T02:00:00Z'),
      data: {
        ...base,
        missing: ['Giấy chứng sinh'],
        reason: 'Bản chụp mờ',
        requestedAt: '2026-03-03T02:00:00Z',
      },
    },
    {
      kind: '03',
      number: `03-${code}-1`,
      formNumber: '7/TCHS',
      key: 'k3',
      issuedAt: new Date('2026-03-04T02:00:00Z'),
      data: { ...base, reason: 'Không thuộc thẩm quyền giải quyết' },
    },
    {
      kind: '04',
      number: `04-${code}-1`,
      formNumber: '3/PXL',
      key: 'k4',
      issuedAt: soon(2),
      data: {
        ...base,
        previousAppointmentAt: '2026-03-05T10:00:00.000Z',
        newAppointmentAt: '2026-03-09T10:00:00.000Z',
        reason: 'Chờ xác minh thông tin',
      },
    },
    {
      kind: '05',
      number: `05-${code}-1`,
      key: 'k5',
      issuedAt: soon(3),
      data: { ...base, reason: 'Người nộp đề nghị dừng' },
    },
  ];
  await DossierModel.updateOne({ code }, { $push: { slips: { $each: slips } } });
}, 60_000);
afterAll(() => system?.close());

test.each([
  ['02', SUPPLEMENT_REQUEST_TITLE, ['Giấy chứng sinh', 'Bản chụp mờ', 'Số: 18/PBSHS']],
  ['03', REFUSAL_TITLE, ['Không thuộc thẩm quyền giải quyết', 'Số: 7/TCHS']],
  [
    '04',
    APOLOGY_TITLE,
    [
      'Chờ xác minh thông tin',
      'ngày 09 tháng 03 năm 2026',
      'Số: 3/PXL',
      'THỦ TRƯỞNG CƠ QUAN',
      'Lê Quang Hải',
    ],
  ],
  // Stored before form numbers were kept: the n of its id, with the form's suffix.
  ['05', STOP_NOTICE_TITLE, ['Người nộp đề nghị dừng', 'Số: 1/TB-DXL', 'THỦ TRƯỞNG CƠ QUAN', 'Lê Quang Hải']],
])('slip %s renders its stored data', async (kind, title, texts) => {
  const pdf = await pdfOf(counter, `/api/dossiers/${code}/slips/${kind}-${code}-1.pdf`);
  expect(pdf.status).toBe(200);
  expect(pdf.text).toContain(title);
  expect(pdf.text).toContain(code);
  expect(pdf.text).toContain('Nguyễn Văn An');
  expect(pdf.text).toContain('Đăng ký khai sinh');
  for (const text of texts) expect(pdf.text).toContain(text);
  // No slip prints its URL id as its number.
  expect(pdf.text).not.toContain(`${kind}-${code}`);
});

test('the citizen who owns the dossier may fetch its slips; another citizen may not', async () => {
  const citizen = new ApiClient(() => system.url);
  await citizen.login('congdan', system.logins['congdan']!.password);
  // The dossier was filed at the counter; make the demo citizen its owner.
  const owner = (await DossierModel.db.collection('users').findOne({ username: 'congdan' }))!._id;
  expect((await pdfOf(citizen, `/api/dossiers/${code}/slips/03-${code}-1.pdf`)).status).toBe(404);
  await DossierModel.updateOne({ code }, { $set: { createdBy: owner } });
  expect((await pdfOf(citizen, `/api/dossiers/${code}/slips/03-${code}-1.pdf`)).status).toBe(200);
  await DossierModel.updateOne({ code }, { $set: { createdBy: new Types.ObjectId() } });
  expect((await pdfOf(citizen, `/api/dossiers/${code}/slips/03-${code}-1.pdf`)).status).toBe(404);
});

test("the control slip's rows are the recorded hand-overs, with agency names and step results", async () => {
  const dossier = await DossierModel.findOne({ code }).lean();
  await DossierModel.updateOne(
    { code },
    {
      $push: {
        handovers: {
          key: 'h1',
          step: 'Xác minh thông tin',
          fromAgencyCode: dossier!.receivingAgencyCode,
          toAgencyCode: '000.00.10.H26',
          givenAt: new Date('2026-03-03T03:00:00Z'),
          receivedAt: new Date('2026-03-03T04:00:00Z'),
          timing: 'late',
        },
      },
    },
  );
  const pdf = await pdfOf(counter, `/api/dossiers/${code}/control-slip.pdf`);
  expect(pdf.status).toBe(200);
  expect(pdf.text).toContain('Sở Tư pháp Thành phố Hà Nội');
  expect(pdf.text).toContain('Quá hạn');
  expect(pdf.text).toContain('Xác minh thông tin');
});
