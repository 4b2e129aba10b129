// A birth registration through the whole office in Chromium, with the engine and the job workers running:
// the counter officer files it (API, complete declaration), the specialist reviews it on the task screen (a second tab then gets the
// 409 for the task done elsewhere), the leader signs, the counter returns the result with its channel, and
// the citizen looks it up. axe-core runs on each main screen. Screens go to test-artifacts/workspace-flow-*.png.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { eventually, startLifecycleSystem, type LifecycleSystem } from '../workers/lifecycle-system';
import { validBirthDeclaration } from '../forms/fixtures';
import { ApiClient } from '../server/support/api-client';
import { seriousViolations } from './axe-check';
import { artifactsDir, buildWebApp } from './designer-system';
import { launchChromium } from './chromium';

jest.setTimeout(300_000);

let system: LifecycleSystem;
let browser: Browser;
const pageErrors: string[] = [];
const accessibility: string[] = [];

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(artifactsDir, `workspace-flow-${name}.png`), fullPage: true });

beforeAll(async () => {
  await mkdir(artifactsDir, { recursive: true });
  const webAppDir = await buildWebApp();
  system = await startLifecycleSystem({ webAppDir });
  browser = await launchChromium();
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
  // Filed through the API with the counter officer's session and a complete declaration: the browser intake
  // (tests/e2e/workspace-intake) leaves the birth form on paper, which the intake worker sends to supplement.
  const filing = new ApiClient(() => system.url);
  expect((await filing.login('tiepnhan.hoankiem', system.logins['tiepnhan.hoankiem']!.password)).status).toBe(
    200,
  );
  const filed = await filing.post('/api/dossiers', {
    procedureCode: '1.001193',
    channel: 'counter',
    applicant: { name: 'Nguyễn Văn An', idNumber: '001099012345', phone: '0912345678' },
    declaration: { data: validBirthDeclaration() },
    documents: [
      { component: 'to-khai', original: true },
      { component: 'giay-chung-sinh', original: true },
    ],
    returnChannel: 'counter',
  });
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  const secret = filed.body.receiptSecret as string;
  const counter = await signedIn('tiepnhan.hoankiem', `/dossiers/${code}`);
  await counter.getByTestId('dossier-detail').waitFor();
  await audit(counter, 'dossier');
  await shot(counter, '01-dossier-filed');

  // The specialist reviews on the task screen; a second tab left open on the same task is stale afterwards.
  const specialist = await signedIn('chuyenvien.hoankiem', '/inbox');
  await openTask(specialist, code);
  await specialist.getByRole('button', { name: 'Nhận việc' }).click();
  await specialist.getByRole('button', { name: 'Đồng ý' }).waitFor();
  expect(await specialist.getByTestId('task-page').innerText()).toContain('Nguyễn Văn An');
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
  await shot(specialist, '02-review-task');
  await specialist.getByRole('button', { name: 'Đồng ý' }).click();
  await specialist.getByText('Đã hoàn thành công việc').waitFor();
  await audit(specialist, 'inbox');
  await shot(specialist, '03-inbox-after-review');

  await secondTab.getByRole('button', { name: 'Đồng ý' }).click();
  await secondTab
    .getByTestId('task-problem')
    .getByText(/đã được hoàn thành/)
    .waitFor();
  await shot(secondTab, '04-stale-task');
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
  await shot(leader, '05a-reports');

  // Back at the counter: the result is ready to hand over.
  await openTask(counter, code);
  await counter.getByRole('button', { name: 'Nhận việc' }).click();
  await counter.getByTestId('hand-over').waitFor();
  await counter.locator('#return-receiver').fill('Nguyễn Văn An');
  await audit(counter, 'hand-over');
  await shot(counter, '05-hand-over');
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
  await shot(counter, '06-dossier-returned');

  const citizen = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await citizen.goto(`${system.url}/tra-cuu`);
  await citizen.getByLabel(/Mã hồ sơ/).fill(code);
  await citizen.getByLabel(/Mã tra cứu/).fill(secret);
  await citizen.getByRole('button', { name: 'Tra cứu' }).click();
  const result = citizen.getByTestId('lookup-result');
  await result.waitFor();
  expect(await result.innerText()).toContain('Đã trả kết quả');
  await audit(citizen, 'lookup');
  await shot(citizen, '07-lookup-returned');
  await citizen.close();

  expect(accessibility).toEqual([]);
  expect(pageErrors).toEqual([]);
});
