// Slip PDFs through HTTP after a dossier has gone through intake on the engine and the workers: the receipt
// slip (01) as issued, the process control slip (06) built on demand, the counter's log book (07); scoping
// (another agency's officer gets 404) and the text of each PDF checked field by field.
import { CONTROL_SLIP_TITLE } from '../../../server/slips/control-slip';
import { LOG_BOOK_TITLE } from '../../../server/slips/log-book';
import { RECEIPT_TITLE } from '../../../server/slips/receipt';
import { DossierModel } from '../../../server/models/Dossier';
import { ApiClient } from '../support/api-client';
import { pdfText } from './pdf-text';
import { birthRegistrationFiling } from '../../engine-worker/filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from '../../engine-worker/lifecycle-system';

let system: LifecycleSystem;
let counter: ApiClient;
let code: string;
let receiptNumber: string;
let receiptFormNumber: string;

async function signedIn(username: string): Promise<ApiClient> {
  const client = new ApiClient(() => system.url);
  expect((await client.login(username, system.logins[username]!.password)).status).toBe(200);
  return client;
}

async function pdfOf(
  client: ApiClient,
  path: string,
): Promise<{ status: number; text: string; type: string }> {
  const response = await fetch(`${system.url}${path}`, { headers: { cookie: client.cookie! } });
  const type = response.headers.get('content-type') ?? '';
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) return { status: response.status, text: body.toString('utf8'), type };
  return { status: 200, text: (await pdfText(body)).text, type };
}

beforeAll(async () => {
  system = await startLifecycleSystem();
  counter = await signedIn('tiepnhan.hoankiem');
  const response = await counter.post('/api/dossiers', birthRegistrationFiling());
  expect(response.status).toBe(201);
  code = response.body.dossier.code;
  const received = await eventually('receipt slip', async () => {
    const d = await DossierModel.findOne({ code }).lean();
    return d?.slips?.find((s) => s.kind === '01');
  });
  receiptNumber = received.number;
  receiptFormNumber = received.formNumber!;
}, 60_000);
afterAll(() => system?.close());

test('the receipt slip (01) as issued at intake, with the dossier, applicant and components', async () => {
  const pdf = await pdfOf(counter, `/api/dossiers/${code}/slips/${receiptNumber}.pdf`);
  expect(pdf.status).toBe(200);
  expect(pdf.type).toBe('application/pdf');
  expect(pdf.text).toContain(RECEIPT_TITLE);
  expect(pdf.text).toContain(code);
  expect(pdf.text).toContain('Nguyễn Văn An');
  expect(pdf.text).toContain('0912345678');
  // The counter's running number of the form with its suffix, as the form prints it; not the slip's URL id.
  expect(receiptFormNumber).toMatch(/^\d+\/TNHS$/);
  expect(pdf.text).toContain(`Số: ${receiptFormNumber}`);
  expect(pdf.text).not.toContain(receiptNumber);
  // Signed by the receiving officer's name, not the account's username.
  expect(pdf.text).toContain('Nguyễn Thị Lan');
  expect(pdf.text).not.toContain('tiepnhan.hoankiem');
  expect(pdf.text).toMatch(/Khai sinh|khai sinh/);
});

test("another agency's officer gets 404, and an unknown slip number is 404", async () => {
  const baDinh = await signedIn('tiepnhan.badinh');
  expect((await pdfOf(baDinh, `/api/dossiers/${code}/slips/${receiptNumber}.pdf`)).status).toBe(404);
  expect((await pdfOf(baDinh, `/api/dossiers/${code}/control-slip.pdf`)).status).toBe(404);
  const unknown = await pdfOf(counter, `/api/dossiers/${code}/slips/01-${code}-99.pdf`);
  expect(unknown.status).toBe(404);
});

test('the process control slip (06) is built on demand', async () => {
  const pdf = await pdfOf(counter, `/api/dossiers/${code}/control-slip.pdf`);
  expect(pdf.status).toBe(200);
  expect(pdf.text).toContain(CONTROL_SLIP_TITLE);
  expect(pdf.text).toContain(code);
  expect(pdf.text).toContain('Nguyễn Văn An');
});

test("the log book (07) lists the agency's dossiers of the period", async () => {
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const pdf = await pdfOf(counter, `/api/dossier-log-book.pdf?from=${today}&to=${today}`);
  expect(pdf.status).toBe(200);
  expect(pdf.text).toContain(LOG_BOOK_TITLE);
  expect(pdf.text).toContain(code);
  expect(pdf.text).toContain('Nguyễn Văn An');
  const before = await pdfOf(counter, '/api/dossier-log-book.pdf?from=2020-01-01&to=2020-01-31');
  expect(before.status).toBe(200);
  expect(before.text).not.toContain(code);
  const reversed = await pdfOf(counter, `/api/dossier-log-book.pdf?from=${today}&to=2020-01-01`);
  expect(reversed.status).toBe(400);
});
