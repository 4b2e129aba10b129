// The officer's inbox, task screen, result return and the citizen's rating in Chromium, on the whole system
// (engine, job workers, server serving the built app): filters by due window, procedure and claim status, rows
// coloured by working days left with counts per state, sort by due date, claim and hand back, the server's 409
// for a task done elsewhere; the inter-agency Sign step offering its transfer with the documents viewer; the
// counter uploading the result, printing slips and recording the hand-over; the citizen rating once.
// axe-core runs on each screen. Screens go to test-artifacts/workspace-inbox-*.png.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addDays, startOfLocalDay, toLocalDate } from '../../processes/calendar';
import { DossierModel } from '../../server/models/Dossier';
import { TaskModel } from '../../server/models/Task';
import type { ApiClient } from '../server/support/api-client';
import { birthRegistrationFiling, openTask, signInAll, under6PackageFiling } from '../engine-worker/filings';
import { eventually, startLifecycleSystem, type LifecycleSystem } from '../engine-worker/lifecycle-system';
import { seriousViolations } from './axe-check';
import { launchChromium } from './chromium';
import { artifactsDir, buildWebApp } from './designer-system';

jest.setTimeout(300_000);

let system: LifecycleSystem;
let browser: Browser;
let as: Record<string, ApiClient> = {};
const pageErrors: string[] = [];
const accessibility: string[] = [];
const filed: Record<'late' | 'near' | 'later' | 'package', { code: string; secret: string }> = {} as never;

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n% Giay khai sinh\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(artifactsDir, `workspace-inbox-${name}.png`), fullPage: true });

async function audit(page: Page, screen: string) {
  accessibility.push(...(await seriousViolations(page, screen)));
}

async function signedIn(username: string, start: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
  await page.goto(`${system.url}${start}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(system.logins[username]!.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByLabel('Mật khẩu').waitFor({ state: 'detached' });
  return page;
}

async function file(body: Record<string, unknown>) {
  const answer = await as['tiepnhan.hoankiem']!.post('/api/dossiers', body);
  expect(answer.status).toBe(201);
  return { code: answer.body.dossier.code as string, secret: answer.body.receiptSecret as string };
}

async function approve(username: string, code: string, elementId: string) {
  const task = await openTask(as[username]!, code, elementId);
  expect((await as[username]!.post(`/api/tasks/${task._id}/claim`)).status).toBe(200);
  const done = await as[username]!.post(`/api/tasks/${task._id}/complete`, {
    variables: { decision: 'approve' },
  });
  expect(done.status).toBe(200);
}

async function choose(page: Page, select: string, option: string | RegExp) {
  await page.locator(select).click();
  await page.getByRole('option', { name: option }).click();
  // The menu fades out; wait until it is gone so the next screen (and axe) sees the page itself. Its listbox
  // turns aria-hidden as the fade starts, so wait for the menu's element itself, not the role.
  await page.locator('.MuiMenu-root').waitFor({ state: 'detached' });
}

const rowCodes = async (page: Page) =>
  (await page
    .locator('tr[data-testid^="task-"]')
    .evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-testid')!.slice('task-'.length)),
    )) as string[];

beforeAll(async () => {
  await mkdir(artifactsDir, { recursive: true });
  const webAppDir = await buildWebApp();
  system = await startLifecycleSystem({ webAppDir });
  browser = await launchChromium();
  as = await signInAll(system, ['tiepnhan.hoankiem', 'chuyenvien.hoankiem', 'lanhdao.hoankiem']);
  filed.late = await file(birthRegistrationFiling({ name: 'Lê Văn Muộn' }));
  filed.near = await file(birthRegistrationFiling({ name: 'Phạm Thị Gần' }));
  filed.later = await file(birthRegistrationFiling({ name: 'Đỗ Văn Xa' }));
  filed.package = await file(under6PackageFiling({ email: 'hung.tran@example.vn' }));
  const ids: Record<string, string> = {};
  for (const [key, { code }] of Object.entries(filed)) {
    ids[key] = (await openTask(as['chuyenvien.hoankiem']!, code, 'Review'))._id;
  }
  // A fresh birth registration is due within a working day, so every new task is near due. These rows get the
  // due dates tasks carry after days of waiting or on a longer procedure (the server reads its wall clock, which
  // a test cannot move).
  const now = Date.now();
  const endOfToday = startOfLocalDay(addDays(toLocalDate(new Date()), 1)).getTime() - 60_000;
  const dueAt = { late: now - 2 * 86_400_000, near: endOfToday, later: now + 14 * 86_400_000 };
  for (const [key, at] of Object.entries(dueAt)) {
    await TaskModel.updateOne({ _id: ids[key] }, { $set: { dueAt: new Date(at) } });
  }
  await TaskModel.updateOne({ _id: ids.package }, { $set: { dueAt: new Date(now + 21 * 86_400_000) } });
});

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

test('inbox: colours and counts by working days left, filters, sort, claim, hand back, 409 shown', async () => {
  const page = await signedIn('chuyenvien.hoankiem', '/inbox');
  await page.getByTestId(`task-${filed.late.code}`).waitFor();
  expect(await page.getByTestId('count-overdue').innerText()).toBe('Quá hạn: 1');
  expect(await page.getByTestId('count-near-due').innerText()).toBe('Sắp đến hạn: 1');
  expect(await page.getByTestId('count-on-track').innerText()).toBe('Trong hạn: 2');
  expect(await page.getByTestId('count-unclaimed').innerText()).toBe('Chưa nhận: 4');
  const row = (key: keyof typeof filed) => page.getByTestId(`task-${filed[key].code}`);
  expect(await row('late').getAttribute('data-urgency')).toBe('overdue');
  expect(await row('near').getAttribute('data-urgency')).toBe('near-due');
  expect(await row('later').getAttribute('data-urgency')).toBe('on-track');
  expect(await row('near').getByTestId('task-urgency').innerText()).toBe('Sắp đến hạn · hạn trong hôm nay');
  expect(await row('late').getByTestId('task-urgency').innerText()).toMatch(
    /^Quá hạn · trễ \d+ ngày làm việc$/,
  );
  expect(await row('later').getByTestId('task-urgency').innerText()).toMatch(
    /^Trong hạn · còn \d+ ngày làm việc$/,
  );
  // The edge colour of the row follows the state.
  const edge = (key: keyof typeof filed) =>
    row(key)
      .locator('td')
      .first()
      .evaluate((td) => getComputedStyle(td).borderLeftColor);
  expect(await edge('late')).toBe('rgb(198, 40, 40)');
  expect(await edge('near')).toBe('rgb(237, 108, 2)');
  expect(await edge('later')).toBe('rgb(46, 125, 50)');
  expect(await row('package').innerText()).toContain('trẻ em dưới 6 tuổi');
  // The step's name comes from the published model (the row carries the element id).
  const stepLink = (key: keyof typeof filed) => row(key).locator('a[href^="/tasks/"]');
  await eventually('step names from the models', async () =>
    (await stepLink('late').innerText()).startsWith('Công chức tư pháp'),
  );
  expect(await stepLink('late').innerText()).toBe('Công chức tư pháp - hộ tịch kiểm tra, ghi sổ hộ tịch');
  await eventually('the package step name', async () =>
    (await stepLink('package').innerText()).startsWith('Công chức hộ tịch'),
  );
  // Due first; the sort label turns it round.
  const dueOrder = [filed.late.code, filed.near.code, filed.later.code, filed.package.code];
  expect(await rowCodes(page)).toEqual(dueOrder);
  await audit(page, 'inbox');
  await shot(page, '01-inbox');
  await page.getByTestId('sort-due').click();
  expect(await rowCodes(page)).toEqual([...dueOrder].reverse());
  await page.getByTestId('sort-due').click();

  await choose(page, '#filter-due', 'Đã quá hạn');
  await eventually('only the overdue task', async () => (await rowCodes(page)).length === 1);
  expect(await rowCodes(page)).toEqual([filed.late.code]);
  // Counts keep describing everything the other filters leave.
  expect(await page.getByTestId('count-total').innerText()).toBe('Tổng: 4');
  await choose(page, '#filter-due', 'Đến hạn hôm nay');
  await eventually('only the task due today', async () => (await rowCodes(page))[0] === filed.near.code);
  expect(await rowCodes(page)).toEqual([filed.near.code]);
  await choose(page, '#filter-due', 'Mọi thời hạn');
  await choose(page, '#filter-procedure', /TAM\.lien-thong-khai-sinh/);
  await eventually('only the package', async () => (await rowCodes(page)).length === 1);
  expect(await rowCodes(page)).toEqual([filed.package.code]);
  await shot(page, '02-inbox-filtered');
  await choose(page, '#filter-procedure', 'Tất cả thủ tục');
  await eventually('all four again', async () => (await rowCodes(page)).length === 4);

  // Claim in the row, see it under "mine", hand it back.
  await row('near').getByRole('button', { name: 'Nhận việc' }).click();
  await row('near').getByRole('button', { name: 'Trả lại nhóm' }).waitFor();
  expect(await row('near').innerText()).toContain('chuyenvien.hoankiem');
  // Completing from the inbox offers only the decisions the model's gateway after Review routes on.
  await row('near').getByRole('button', { name: 'Hoàn thành' }).click();
  await page.locator('#task-decision').click();
  expect(await page.getByRole('option').allInnerTexts()).toEqual(['Đồng ý', 'Yêu cầu bổ sung', 'Từ chối']);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Hủy' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await choose(page, '#filter-status', 'Việc tôi đã nhận');
  await eventually('only the claimed task', async () => (await rowCodes(page)).length === 1);
  expect(await rowCodes(page)).toEqual([filed.near.code]);
  await audit(page, 'inbox-mine');
  await shot(page, '03-inbox-mine');
  await row('near').getByRole('button', { name: 'Trả lại nhóm' }).click();
  await page.getByText('Đã trả công việc về nhóm.').waitFor();
  await eventually('the mine list empty', async () => (await rowCodes(page)).length === 0);
  const nearTask = await TaskModel.findOne({ dossierCode: filed.near.code, state: 'open' }).lean();
  expect(nearTask!.assignee).toBeUndefined();
  await choose(page, '#filter-status', 'Chưa có người nhận');
  await eventually('four unclaimed', async () => (await rowCodes(page)).length === 4);

  // Claimed here, then completed elsewhere: handing it back answers the server's clear message.
  await choose(page, '#filter-status', 'Tất cả');
  await row('later').getByRole('button', { name: 'Nhận việc' }).click();
  await row('later').getByRole('button', { name: 'Trả lại nhóm' }).waitFor();
  const laterTask = await openTask(as['chuyenvien.hoankiem']!, filed.later.code, 'Review');
  expect(
    (
      await as['chuyenvien.hoankiem']!.post(`/api/tasks/${laterTask._id}/complete`, {
        variables: { decision: 'approve' },
      })
    ).status,
  ).toBe(200);
  await row('later').getByRole('button', { name: 'Trả lại nhóm' }).click();
  const problem = page.getByTestId('inbox-problem');
  await problem.waitFor();
  expect(await problem.innerText()).toContain('Nhiệm vụ này đã được hoàn thành; hãy tải lại hộp việc');
  await row('later').waitFor({ state: 'detached' });
  await shot(page, '04-inbox-conflict');
  await page.context().close();
});

test('task screen: the inter-agency Sign step offers its transfer, with the documents viewer', async () => {
  const { code } = filed.package;
  // A scan of the birth certificate and a PDF of the declaration, as the counter uploads them.
  for (const [component, type, body] of [
    ['giay-chung-sinh', 'image/png', png],
    ['to-khai-dien-tu', 'application/pdf', pdf],
  ] as const) {
    const client = as['tiepnhan.hoankiem']!;
    const response = await fetch(`${system.url}/api/dossiers/${code}/documents/${component}`, {
      method: 'POST',
      headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken!, 'content-type': type },
      body: new Uint8Array(body),
    });
    expect(response.status).toBe(201);
  }
  await approve('chuyenvien.hoankiem', code, 'Review');
  const signTask = await openTask(as['lanhdao.hoankiem']!, code, 'Sign');

  const page = await signedIn('lanhdao.hoankiem', `/tasks/${signTask._id}`);
  await page.getByTestId('task-actions').waitFor();
  await page.getByRole('button', { name: 'Nhận việc' }).click();
  const note = page.getByTestId('transfer-note');
  await note.waitFor();
  expect(await note.innerText()).toContain('Chuyển đăng ký thường trú');
  expect(await note.innerText()).toContain('Chuyển cấp thẻ BHYT');
  await page.getByRole('button', { name: 'Đồng ý và chuyển liên thông' }).waitFor();
  // The leader's gateway also routes "return" (back to review) and "refuse"; it has no supplement.
  await page.getByRole('button', { name: 'Trả lại bước trước' }).waitFor();
  await page.getByRole('button', { name: 'Từ chối' }).waitFor();
  expect(await page.getByRole('button', { name: 'Yêu cầu bổ sung' }).count()).toBe(0);

  const viewer = page.getByTestId('documents-viewer');
  await viewer.waitFor();
  await page.getByRole('tab', { name: 'Giấy chứng sinh' }).click();
  const image = page.getByTestId('document-image');
  await image.waitFor();
  await eventually('the scan drawn', () => image.evaluate((img: HTMLImageElement) => img.naturalWidth === 1));
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Lãnh đạo UBND ký giấy khai sinh');
  await audit(page, 'task-transfer');
  await shot(page, '05-task-transfer');
  await page
    .getByTestId('task-documents')
    .screenshot({ path: path.join(artifactsDir, 'workspace-inbox-05b-task-documents.png') });
  await page
    .getByTestId('task-actions')
    .screenshot({ path: path.join(artifactsDir, 'workspace-inbox-05c-task-decision.png') });
  await page.getByRole('tab', { name: /Tờ khai/ }).click();
  const frame = page.getByTestId('document-pdf');
  await frame.waitFor();
  const fileUrl = new URL((await frame.getAttribute('src'))!, system.url).href;
  const served = await page.request.get(fileUrl);
  expect(served.headers()['content-type']).toBe('application/pdf');
  expect((await served.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // Back to the scan before deciding: Chromium's PDF viewer, still loading in its frame, can hold up the
  // navigation to the inbox that the decision starts (a race with the viewer, not with the app).
  await page.getByRole('tab', { name: 'Giấy chứng sinh' }).click();
  await image.waitFor();

  await page.getByRole('button', { name: 'Đồng ý và chuyển liên thông' }).click();
  await page.getByTestId('task-table').waitFor();
  const transferred = await eventually('both forward hand-overs', async () => {
    const d = await DossierModel.findOne({ code }).lean();
    return d && (d.handovers?.length ?? 0) >= 2 ? d : undefined;
  });
  expect(transferred.handovers!.map((h) => h.step).sort()).toEqual(['Transfer_bhxh', 'Transfer_cong-an']);
  // The dossier screen shows the same documents, and the control slip to print.
  await page.goto(`${system.url}/dossiers/${code}`);
  await page.getByTestId('dossier-documents').getByTestId('documents-viewer').waitFor();
  await page.getByRole('link', { name: /Mẫu 06/ }).waitFor();
  await audit(page, 'dossier-documents');
  await shot(page, '05d-dossier');
  await page.context().close();
});

test('result return: upload, print, hand over with a receiver; the citizen rates once', async () => {
  const { code, secret } = filed.near;
  await approve('chuyenvien.hoankiem', code, 'Review');
  await approve('lanhdao.hoankiem', code, 'Sign');
  const handOver = await openTask(as['tiepnhan.hoankiem']!, code, 'HandOverResult');

  const counter = await signedIn('tiepnhan.hoankiem', `/tasks/${handOver._id}`);
  await counter.getByRole('button', { name: 'Nhận việc' }).click();
  await counter.getByTestId('hand-over').waitFor();
  await counter.locator('#result-document-name').fill('Giấy khai sinh (bản chính)');
  await counter.getByTestId('result-file').setInputFiles({
    name: 'giay-khai-sinh.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  await counter.getByText('Đã tải lên Giấy khai sinh (bản chính).').waitFor();
  await counter.getByTestId('result-documents').getByText('Giấy khai sinh (bản chính):').waitFor();
  // The slips to print: the control slip (06) is built now, the receipt (01) was issued at intake.
  const control = counter.getByTestId('print-slips').getByRole('link', { name: /Mẫu 06/ });
  const controlPdf = await counter.request.get(
    new URL((await control.getAttribute('href'))!, system.url).href,
  );
  expect(controlPdf.headers()['content-type']).toContain('application/pdf');
  const receipt = counter.getByTestId('slips').getByRole('link', { name: /Mẫu 01/ });
  const receiptPdf = await counter.request.get(
    new URL((await receipt.getAttribute('href'))!, system.url).href,
  );
  expect((await receiptPdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The receiver is required at the counter.
  await counter.getByRole('button', { name: 'Xác nhận đã trả kết quả' }).click();
  await counter.getByText('Người nhận kết quả: vui lòng nhập họ tên người đến nhận.').waitFor();
  await audit(counter, 'hand-over');
  await shot(counter, '06-hand-over');
  await counter
    .getByTestId('task-actions')
    .screenshot({ path: path.join(artifactsDir, 'workspace-inbox-06b-hand-over-panel.png') });
  await counter.locator('#return-receiver').fill('Phạm Thị Gần');
  await counter.getByRole('button', { name: 'Xác nhận đã trả kết quả' }).click();
  await counter.getByTestId('task-table').waitFor();
  const delivered = await eventually('delivered', async () => {
    const d = await DossierModel.findOne({ code }).lean();
    return d?.status === 10 ? d : undefined;
  });
  expect(delivered.returnChannel).toBe('counter');
  expect(delivered.timeline.find((e) => e.action === 'dossier.delivered')?.note).toContain('Phạm Thị Gần');
  await counter.context().close();

  // The citizen, without signing in: look up, then rate from the lookup page.
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const citizen = await context.newPage();
  citizen.on('pageerror', (error) => pageErrors.push(`citizen: ${error.message}`));
  await citizen.goto(`${system.url}/tra-cuu?ma=${code}`);
  expect(await citizen.locator('#lookup-code').inputValue()).toBe(code);
  await citizen.locator('#lookup-secret').fill(secret);
  await citizen.getByRole('button', { name: 'Tra cứu' }).click();
  await citizen.getByTestId('rate-link').click();
  await citizen.getByRole('heading', { name: 'Đánh giá mức độ hài lòng' }).waitFor();
  expect(await citizen.locator('#rating-code').inputValue()).toBe(code);
  await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await citizen.getByText('Mức độ hài lòng: vui lòng chọn.').waitFor();
  await citizen.getByLabel('4 — Hài lòng').check();
  await citizen.locator('#rating-comment').fill('Cán bộ hướng dẫn tận tình.');
  await audit(citizen, 'rating');
  await shot(citizen, '07-rating');
  await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
  expect(await citizen.getByTestId('rating-done').innerText()).toBe(
    `Cảm ơn ông/bà đã đánh giá hồ sơ ${code}.`,
  );
  await shot(citizen, '08-rated');
  const rated = await DossierModel.findOne({ code }).lean();
  expect(rated!.rating).toMatchObject({ score: 4, comment: 'Cán bộ hướng dẫn tận tình.' });
  // The page shows nothing of the applicant.
  expect(await citizen.locator('body').innerText()).not.toContain('Phạm Thị Gần');

  // Once per dossier: the e-mail's link (?ma=) a second time gets the server's refusal.
  await citizen.goto(`${system.url}/danh-gia?ma=${code}`);
  await citizen.locator('#rating-secret').fill(secret);
  await citizen.getByLabel('1 — Rất không hài lòng').check();
  await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
  expect(await citizen.getByTestId('rating-problem').innerText()).toBe('Hồ sơ này đã được đánh giá');
  expect((await DossierModel.findOne({ code }).lean())!.rating!.score).toBe(4);
  // A wrong secret says only that no dossier matches.
  await citizen.goto(`${system.url}/danh-gia?ma=${filed.late.code}`);
  await citizen.locator('#rating-secret').fill('SAI-MA-01');
  await citizen.getByLabel('5 — Rất hài lòng').check();
  await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
  expect(await citizen.getByTestId('rating-problem').innerText()).toBe(
    'Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập.',
  );
  await context.close();
});

// No script error and no serious accessibility violation on any screen a test went through.
afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
  expect(accessibility.splice(0)).toEqual([]);
});
