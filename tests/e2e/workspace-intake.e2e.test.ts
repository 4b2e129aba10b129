// A counter officer receives a birth registration in the browser (declaration typed in, the two required
// documents uploaded), finds it in the agency's list and its detail, and a citizen looks it up on the public
// page with the code and secret from the receipt. axe-core checks the intake screen.
// Screens at 1366×768 are saved to test-artifacts/workspace-*.png.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import mongoose from 'mongoose';
import { DossierModel } from '../../server/models/Dossier';
import { publishBirthRegistration } from '../server/support/fixtures';
import { startTestSystem, type TestSystem } from '../server/support/test-system';
import { artifactsDir, buildWebApp } from './designer-system';
import { launchChromium } from './chromium';
import { seriousViolations } from './axe-check';
import {
  chooseBirthRegistration,
  fillApplicant,
  fillBirthDeclaration,
  photoPng,
  scannedPdf,
  uploadBirthDocuments,
} from './birth-intake';

jest.setTimeout(180_000);

let system: TestSystem;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const accessibility: string[] = [];

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

test('counter intake of a birth registration with its documents, then the list, the detail and the public lookup', async () => {
  const login = system.logins['tiepnhan.hoankiem']!;
  await page.goto(`${system.url}/intake`);
  await page.getByLabel('Tên đăng nhập').fill(login.username);
  await page.getByLabel('Mật khẩu').fill(login.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await chooseBirthRegistration(page);

  // An empty declaration is not a page of red: a field's error shows once the officer has left it.
  const recipientMissing = page.getByText(
    'Kính gửi: Ủy ban nhân dân xã, phường, đặc khu là thông tin bắt buộc.',
  );
  expect(await page.locator('.MuiFormHelperText-root.Mui-error').count()).toBe(0);
  await page.getByTestId('addressee.province').focus();
  await page.locator('#applicant-name').focus();
  await recipientMissing.waitFor();

  // A wrong CCCD is caught on the spot, in Vietnamese.
  await page.locator('#applicant-idNumber').fill('12345');
  await page.locator('#applicant-name').focus();
  await page.getByText('Số CCCD phải gồm đúng 12 chữ số.').waitFor();
  await fillApplicant(page, 'A015');
  await shot(page, '01-intake');

  // Submitting with the declaration empty and no component received is refused with the reasons.
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  await page.getByTestId('intake-problem').waitFor();
  await page.getByTestId('declaration-errors').waitFor();
  await shot(page, '02-intake-errors');

  await fillBirthDeclaration(page);
  // The officer declared the declaration complete: only the missing component stops the submission now.
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
  await page
    .getByTestId('intake-problem')
    .getByText(/Tờ khai đăng ký khai sinh/)
    .waitFor();
  expect(await page.getByTestId('declaration-errors').count()).toBe(0);

  // A file of another type is refused before anything is sent, naming it.
  await page.getByTestId('upload-giay-chung-sinh').setInputFiles({
    name: 'giay-chung-sinh.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from('PK not a scan'),
  });
  await page
    .getByTestId('component-giay-chung-sinh')
    .getByText('Tệp "giay-chung-sinh.docx" không nhận được: chỉ nhận PDF, JPEG hoặc PNG.')
    .waitFor();
  await uploadBirthDocuments(page);
  // The viewer link opens the very file that will be uploaded (the photo, shown by the browser).
  const [viewer] = await Promise.all([
    page.context().waitForEvent('page'),
    page
      .getByTestId('files-giay-chung-sinh')
      .getByRole('link', { name: /giay-chung-sinh\.png/ })
      .click(),
  ]);
  await viewer.waitForLoadState();
  expect(viewer.url()).toMatch(/^blob:/);
  expect(await viewer.evaluate(() => document.images[0]?.naturalWidth)).toBe(2);
  await viewer.close();
  accessibility.push(...(await seriousViolations(page, 'intake')));
  await page.getByTestId('components-checklist').scrollIntoViewIfNeeded();
  await shot(page, '03-intake-documents');
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();

  const receipt = page.getByTestId('receipt');
  await receipt.waitFor();
  const code = (await page.getByTestId('receipt-code').innerText()).trim();
  const secret = (await page.getByTestId('receipt-secret').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9.-]+$/);
  expect(secret.length).toBeGreaterThanOrEqual(6);
  expect(await page.getByTestId('receipt-queue-ticket').innerText()).toBe('A015');
  const listed = await page.getByTestId('receipt-documents').innerText();
  expect(listed).toContain('to-khai-khai-sinh.pdf');
  expect(listed).toContain('giay-chung-sinh.png');
  // Without the engine no process takes the dossier, so neither the appointment nor the slip comes.
  expect(await page.getByTestId('receipt-appointment').innerText()).toContain('Chưa tính');
  await page
    .getByTestId('receipt-slip-pending')
    .getByText(/chưa được lập/)
    .waitFor();
  await shot(page, '04-receipt');

  // What the server stored: the declaration as typed, the queue ticket, each file in GridFS under its component.
  const stored = (await DossierModel.findOne({ code }).lean())!;
  expect(stored.queueTicket).toBe('A015');
  expect(stored.declaration.data).toMatchObject({
    addressee: { province: '01', commune: '00070' },
    child: {
      fullName: 'Trần Minh Khôi',
      birthDate: '2025-09-02',
      birthPlace: { province: '01', commune: '00008' },
    },
    commitment: { confirmed: true, date: '2025-09-10' },
  });
  const documents = Object.fromEntries(stored.documents.map((d) => [d.component, d]));
  expect(documents['to-khai']).toMatchObject({ original: true });
  expect(documents['to-khai']!.fileIds).toHaveLength(1);
  expect(documents['giay-chung-sinh']!.fileIds).toHaveLength(1);
  const files = await mongoose.connection
    .db!.collection('documents.files')
    .find({ 'metadata.dossierCode': code })
    .toArray();
  expect(files.map((f) => [f.metadata?.component, f.metadata?.contentType, f.length]).sort()).toEqual([
    ['giay-chung-sinh', 'image/png', photoPng.length],
    ['to-khai', 'application/pdf', scannedPdf('To khai dang ky khai sinh').length],
  ]);

  await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  const row = page.getByTestId(`dossier-${code}`);
  await row.waitFor();
  expect(await row.innerText()).toContain('Nguyễn Thị Lan');
  await shot(page, '05-dossier-list');

  await row.getByRole('link', { name: code }).click();
  await page.getByTestId('dossier-detail').waitFor();
  await page.getByText('001190123456').first().waitFor();
  await page
    .getByTestId('timeline')
    .getByText(/Nộp hồ sơ/)
    .waitFor();
  expect(await page.getByTestId('timeline').locator('li').count()).toBeGreaterThan(0);
  await shot(page, '06-dossier-detail');

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
  expect(shown).not.toContain('001190123456');
  await shot(citizen, '07-public-lookup');
  await citizen.close();
  expect(accessibility).toEqual([]);
  expect(pageErrors).toEqual([]);
});
