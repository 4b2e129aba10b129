// A birth registration through the whole office in Chromium, with the engine and the job workers running: the
// counter officer receives it in the browser (declaration, documents, receipt slip), the specialist reviews it on
// the task screen (a second tab then gets the 409 for the task done elsewhere), the leader signs, the counter
// returns the result with its channel, and the citizen looks it up and rates it (once). axe-core runs on each
// main screen. Screens go to test-artifacts/workspace-flow-*.png.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { eventually, startLifecycleSystem, type LifecycleSystem } from '../engine-worker/lifecycle-system';
import { DossierModel } from '../../server/models/Dossier';
import { seriousViolations } from './axe-check';
import { artifactsDir, buildWebApp } from './designer-system';
import { launchChromium } from './chromium';
import {
  chooseBirthRegistration,
  fillApplicant,
  fillBirthDeclaration,
  scannedPdf,
  uploadBirthDocuments,
} from './birth-intake';

jest.setTimeout(300_000);

let system: LifecycleSystem;
let browser: Browser;
const pageErrors: string[] = [];
const accessibility: string[] = [];

/** The whole page from the top: taken scrolled, a full-page shot repeats the fixed app bar mid-page. */
async function shot(p: Page, name: string) {
  await p.evaluate(() => window.scrollTo(0, 0));
  await p.screenshot({ path: path.join(artifactsDir, `workspace-flow-${name}.png`), fullPage: true });
}

beforeAll(async () => {
  await mkdir(artifactsDir, { recursive: true });
  const webAppDir = await buildWebApp();
  system = await startLifecycleSystem({ webAppDir });
  browser = await launchChromium();
});

// On a failure, what each open tab showed and the errors the pages threw.
afterEach(async () => {
  const pages = browser?.contexts().flatMap((c) => c.pages()) ?? [];
  for (const [i, p] of pages.entries()) {
    await p
      .screenshot({ path: path.join(artifactsDir, `workspace-flow-last-${i}.png`) })
      .catch(() => undefined);
  }
  if (pageErrors.length) console.error(pageErrors.join('\n'));
});

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

async function signedIn(username: string, start: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
  await page.goto(`${system.url}${start}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(system.logins[username]!.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByLabel('Mật khẩu').waitFor({ state: 'detached' });
  return page;
}

async function audit(page: Page, screen: string) {
  accessibility.push(...(await seriousViolations(page, screen)));
}

/** Reloads the inbox until the dossier's open task shows, then opens the task screen from its link. */
async function openTask(page: Page, code: string) {
  await eventually(`a task of ${code} in the inbox`, async () => {
    await page.goto(`${system.url}/inbox`);
    await page.getByTestId('task-table').waitFor();
    return (await page.getByTestId(`task-${code}`).locator('a[href^="/tasks/"]').count()) > 0;
  });
  await page.getByTestId(`task-${code}`).locator('a[href^="/tasks/"]').click();
  await page.getByTestId('task-actions').waitFor();
}

test('counter intake, review, sign, result return and public lookup of a birth registration', async () => {
  // The counter officer receives it in the browser: the procedure found by search, the declaration typed in, the
  // two required documents uploaded; the receipt gives the code and secret and, once the intake worker issued
  // it, the receipt slip (Mẫu 01) to print.
  const counter = await signedIn('tiepnhan.hoankiem', '/intake');
  await chooseBirthRegistration(counter);
  await fillApplicant(counter, 'B027');
  await fillBirthDeclaration(counter);
  await uploadBirthDocuments(counter);
  await audit(counter, 'intake');
  await shot(counter, '00-intake');
  await counter.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  await counter.getByTestId('receipt').waitFor();
  const code = (await counter.getByTestId('receipt-code').innerText()).trim();
  const secret = (await counter.getByTestId('receipt-secret').innerText()).trim();
  expect(await counter.getByTestId('receipt-queue-ticket').innerText()).toBe('B027');
  const slipLink = counter.getByTestId('receipt-slip');
  await slipLink.waitFor({ timeout: 30_000 });
  // The appointment came with the slip, from the working-day calendar.
  expect(await counter.getByTestId('receipt-appointment').innerText()).toMatch(/\d{2}\/\d{2}\/\d{4}/);
  await audit(counter, 'receipt');
  await shot(counter, '01-receipt');
  const slipPdf = await counter.request.get(new URL((await slipLink.getAttribute('href'))!, system.url).href);
  expect(slipPdf.status()).toBe(200);
  expect(slipPdf.headers()['content-type']).toContain('application/pdf');
  expect((await slipPdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const [slipTab] = await Promise.all([counter.context().waitForEvent('page'), slipLink.click()]);
  expect(slipTab.url()).toContain(`/api/dossiers/${code}/slips/`);
  await slipTab.close();
  // Each uploaded file links to its stored copy, served back as uploaded.
  const storedHref = await counter
    .getByTestId('receipt-documents')
    .getByRole('link', { name: /to-khai-khai-sinh\.pdf/ })
    .getAttribute('href');
  const storedPdf = await counter.request.get(new URL(storedHref!, system.url).href);
  expect(storedPdf.status()).toBe(200);
  expect(storedPdf.headers()['content-type']).toContain('application/pdf');
  expect((await storedPdf.body()).equals(scannedPdf('To khai dang ky khai sinh'))).toBe(true);

  // Complete at the counter, so the process went straight on to processing (not to the supplement path) and
  // the scan step digitised the two uploaded files.
  await counter.getByRole('link', { name: 'Xem hồ sơ' }).click();
  await counter.getByTestId('dossier-detail').waitFor();
  const stored = await eventually('the dossier in processing', async () => {
    const d = await DossierModel.findOne({ code }).lean();
    return d && d.status >= 2 && d.timeline.some((e) => e.action === 'dossier.digitised') ? d : undefined;
  });
  expect(stored.timeline.map((e) => e.action)).not.toContain('dossier.supplement-requested');
  expect(stored.queueTicket).toBe('B027');
  expect(stored.documents.map((d) => [d.component, d.fileIds.length, d.digitised]).sort()).toEqual([
    ['giay-chung-sinh', 1, true],
    ['to-khai', 1, true],
  ]);
  await counter.reload();
  await counter.getByTestId('dossier-detail').waitFor();
  await audit(counter, 'dossier');
  await shot(counter, '02-dossier-filed');

  // The specialist reviews on the task screen; a second tab left open on the same task is stale afterwards.
  const specialist = await signedIn('chuyenvien.hoankiem', '/inbox');
  await openTask(specialist, code);
  await specialist.getByRole('button', { name: 'Nhận việc' }).click();
  await specialist.getByRole('button', { name: 'Đồng ý' }).waitFor();
  expect(await specialist.getByTestId('task-page').innerText()).toContain('Nguyễn Thị Lan');
  await specialist.getByTestId('task-declaration').waitFor();
  const secondTab = await specialist.context().newPage();
  await secondTab.goto(specialist.url());
  await secondTab.getByRole('button', { name: 'Đồng ý' }).waitFor();

  // Refusing without a reason is stopped on the screen, naming the field.
  await specialist.getByRole('button', { name: 'Từ chối' }).click();
  await specialist.getByRole('button', { name: 'Gửi từ chối' }).click();
  await specialist.getByTestId('task-problem').getByText('Lý do: bắt buộc nhập.').waitFor();
  await specialist.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
  await specialist
    .getByTestId('decision-supplement')
    .getByLabel(/Giấy chứng sinh/)
    .waitFor();
  await audit(specialist, 'task');
  await shot(specialist, '03-review-task');
  await specialist.getByRole('button', { name: 'Đồng ý' }).click();
  await specialist.getByText('Đã hoàn thành công việc').waitFor();
  await audit(specialist, 'inbox');
  await shot(specialist, '04-inbox-after-review');

  await secondTab.getByRole('button', { name: 'Đồng ý' }).click();
  await secondTab
    .getByTestId('task-problem')
    .getByText(/đã được hoàn thành/)
    .waitFor();
  await shot(secondTab, '05-stale-task');
  await secondTab.close();

  const leader = await signedIn('lanhdao.hoankiem', '/inbox');
  await openTask(leader, code);
  await leader.getByRole('button', { name: 'Nhận việc' }).click();
  await leader.getByRole('button', { name: 'Đồng ý' }).click();
  await leader.getByText('Đã hoàn thành công việc').waitFor();
  await leader.getByRole('link', { name: 'Báo cáo' }).click();
  const report = leader.getByTestId('report-table');
  await report.waitFor();
  await report.locator('tbody tr').first().waitFor();
  expect(await report.innerText()).not.toContain('Không có số liệu');
  await leader
    .locator('.MuiChartsSurface-root, svg.MuiChartsSurface-root, [class*=MuiChartsSurface]')
    .first()
    .waitFor();
  await audit(leader, 'reports');
  await shot(leader, '06-reports');

  // Back at the counter: the result is ready to hand over.
  await openTask(counter, code);
  await counter.getByRole('button', { name: 'Nhận việc' }).click();
  await counter.getByTestId('hand-over').waitFor();
  await counter.locator('#return-receiver').fill('Nguyễn Thị Lan');
  await audit(counter, 'hand-over');
  await shot(counter, '07-hand-over');
  await counter.getByRole('button', { name: 'Xác nhận đã trả kết quả' }).click();
  await counter.getByText('Đã hoàn thành công việc').waitFor();

  await eventually('result returned', async () => {
    await counter.goto(`${system.url}/dossiers/${code}`);
    await counter.getByTestId('dossier-detail').waitFor();
    return (await counter.getByTestId('dossier-detail').innerText()).includes('Đã trả kết quả');
  });
  const slips = counter.getByTestId('slips');
  await slips.getByText(/Mẫu 01/).waitFor();
  await audit(counter, 'dossier');
  await shot(counter, '08-dossier-returned');

  const citizen = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await citizen.goto(`${system.url}/tra-cuu`);
  await citizen.getByLabel(/Mã hồ sơ/).fill(code);
  await citizen.getByLabel(/Mã tra cứu/).fill(secret);
  await citizen.getByRole('button', { name: 'Tra cứu' }).click();
  const result = citizen.getByTestId('lookup-result');
  await result.waitFor();
  expect(await result.innerText()).toContain('Đã trả kết quả');
  await audit(citizen, 'lookup');
  await shot(citizen, '09-lookup-returned');

  // The citizen rates it from the lookup (code and secret carried along), once: a second rating is refused.
  await result.getByTestId('rate-link').click();
  await citizen.getByRole('radio', { name: /^4 — Hài lòng/ }).check();
  await citizen.locator('#rating-comment').fill('Cán bộ hướng dẫn tận tình.');
  await audit(citizen, 'rating');
  await shot(citizen, '10-rating');
  await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await citizen.getByTestId('rating-done').getByText(code).waitFor();
  await shot(citizen, '11-rated');
  const again = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await again.goto(`${system.url}/danh-gia?ma=${encodeURIComponent(code)}`);
  await again.locator('#rating-secret').fill(secret);
  await again.getByRole('radio', { name: /^1 — / }).check();
  await again.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await again.getByTestId('rating-problem').getByText('Hồ sơ này đã được đánh giá').waitFor();
  await shot(again, '12-rated-twice');
  await again.close();
  await citizen.close();
  const rated = await DossierModel.findOne({ code }).lean();
  expect(rated!.timeline.filter((e) => e.action === 'dossier.rated')).toHaveLength(1);

  expect(accessibility).toEqual([]);
  expect(pageErrors).toEqual([]);
});
