// A counter officer receives a birth registration in the browser, finds it in the agency's list and its
// detail, and a citizen looks it up on the public page with the code and secret from the receipt.
// Screens at 1366×768 are saved to test-artifacts/workspace-*.png.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { birthRegistrationCode, publishBirthRegistration } from '../server/support/fixtures';
import { startTestSystem, type TestSystem } from '../server/support/test-system';
import { artifactsDir, buildWebApp } from './designer-system';
import { launchChromium } from './chromium';

jest.setTimeout(180_000);

let system: TestSystem;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(artifactsDir, `workspace-${name}.png`) });

beforeAll(async () => {
  await mkdir(artifactsDir, { recursive: true });
  const webAppDir = await buildWebApp();
  system = await startTestSystem({ webAppDir });
  await publishBirthRegistration();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterEach(async () => {
  await page?.screenshot({ path: path.join(artifactsDir, 'workspace-last.png') });
  if (pageErrors.length) console.error(pageErrors.join('\n'));
});

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

test('counter intake of a birth registration, then the list, the detail and the public lookup', async () => {
  const login = system.logins['tiepnhan.hoankiem']!;
  await page.goto(`${system.url}/intake`);
  await page.getByLabel('Tên đăng nhập').fill(login.username);
  await page.getByLabel('Mật khẩu').fill(login.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  await page.getByLabel('Thủ tục (tìm theo tên hoặc mã)').fill(birthRegistrationCode);
  await page.getByRole('option', { name: new RegExp(birthRegistrationCode) }).click();
  await page.locator('#applicant-name').waitFor();

  // A wrong CCCD is caught on the spot, in Vietnamese.
  await page.locator('#applicant-idNumber').fill('12345');
  await page.locator('#applicant-name').focus();
  await page.getByText('Số CCCD phải gồm đúng 12 chữ số.').waitFor();

  await page.locator('#applicant-name').fill('Nguyễn Văn An');
  await page.locator('#applicant-idNumber').fill('001099012345');
  await page.locator('#applicant-phone').fill('0912345678');
  await page.locator('#applicant-address').fill('Phường Hoàn Kiếm, Hà Nội');
  await page.locator('#queue-ticket').fill('A015');
  await shot(page, '01-intake');

  // Submitting with the declaration empty and no component ticked is refused with the reasons.
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  await page.getByTestId('intake-problem').waitFor();
  await page.getByTestId('declaration-errors').waitFor();
  await shot(page, '02-intake-errors');

  await page.getByLabel(/Đã nhận tờ khai bản giấy/).check();
  const checklist = page.getByTestId('components-checklist');
  await checklist.getByLabel(/Tờ khai đăng ký khai sinh/).check();
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  await page
    .getByTestId('intake-problem')
    .getByText(/Giấy chứng sinh/)
    .waitFor();
  await checklist.getByLabel(/Giấy chứng sinh/).check();
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();

  await page.getByTestId('receipt').waitFor();
  const code = (await page.getByTestId('receipt-code').innerText()).trim();
  const secret = (await page.getByTestId('receipt-secret').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9.-]+$/);
  expect(secret.length).toBeGreaterThanOrEqual(6);
  // Without the engine no process takes the dossier, so the appointment is not computed yet.
  expect(await page.getByTestId('receipt-appointment').innerText()).toContain('Chưa tính');
  await shot(page, '03-receipt');

  await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  const row = page.getByTestId(`dossier-${code}`);
  await row.waitFor();
  expect(await row.innerText()).toContain('Nguyễn Văn An');
  await shot(page, '04-dossier-list');

  await row.getByRole('link', { name: code }).click();
  await page.getByTestId('dossier-detail').waitFor();
  await page.getByText('001099012345').waitFor();
  await page
    .getByTestId('timeline')
    .getByText(/Nộp hồ sơ/)
    .waitFor();
  expect(await page.getByTestId('timeline').locator('li').count()).toBeGreaterThan(0);
  await shot(page, '05-dossier-detail');

  await page.goto(`${system.url}/inbox`);
  await page.getByTestId('task-table').waitFor();
  await shot(page, '06-inbox');

  // The citizen, not signed in, with what the receipt holds.
  const citizen = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await citizen.goto(`${system.url}/tra-cuu`);
  await citizen.getByLabel(/Mã hồ sơ/).fill(code);
  await citizen.getByLabel(/Mã tra cứu/).fill('WRONG1234');
  await citizen.getByRole('button', { name: 'Tra cứu' }).click();
  await citizen.getByText('Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập.').waitFor();
  await citizen.getByLabel(/Mã tra cứu/).fill(secret);
  await citizen.getByRole('button', { name: 'Tra cứu' }).click();
  const result = citizen.getByTestId('lookup-result');
  await result.waitFor();
  const shown = await result.innerText();
  expect(shown).toContain(code);
  expect(shown).toContain('Đăng ký khai sinh');
  expect(shown).not.toContain('Nguyễn Văn An');
  expect(shown).not.toContain('001099012345');
  await shot(citizen, '07-public-lookup');
  await citizen.close();
  expect(pageErrors).toEqual([]);
});
