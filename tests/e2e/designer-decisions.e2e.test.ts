// A designer opens birth registration's draft, edits a rule cell of its fee table in the dmn-js editor, saves,
// compares the versions (the change told in words) and publishes; the version in force holds the edited table.
// Screens are saved to test-artifacts/.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createEngineClient, type EngineClient } from '../../server/engine/engine-client';
import { seedCatalogue } from '../../server/seed/seed-catalogue';
import { ApiClient } from '../server/support/api-client';
import { artifactsDir, startDesignerSystem, type DesignerSystem } from './designer-system';

jest.setTimeout(240_000);

const CODE = '1.001193';
const CELL = 'mien-le-phi-khai-sinh_Rule_2_In_2';

let ds: DesignerSystem;
let engine: EngineClient;
let page: Page;
let designer: ApiClient;
const pageErrors: string[] = [];

const shot = (name: string) =>
  page.screenshot({ path: path.join(artifactsDir, `decisions-${name}.png`), animations: 'disabled' });

beforeAll(async () => {
  await mkdir(artifactsDir, { recursive: true });
  ds = await startDesignerSystem();
  engine = createEngineClient(ds.engine.address, { secure: false });
  await seedCatalogue({ engine });
  designer = new ApiClient(() => ds.system.url);
  const login = ds.system.logins.thietke!;
  expect((await designer.login(login.username, login.password)).status).toBe(200);
  // The draft the designer opens: version 2, a copy of the catalogue's version with its tables.
  const v1 = (await designer.get(`/api/procedures/${CODE}`)).body.versions[0];
  const { bpmnProcessId, bpmnXml, forms, timeLimit, fees, components, onlineLevel } = v1;
  const draft = await designer.post(`/api/procedures/${CODE}/versions`, {
    changelog: 'Bản nháp',
    bpmnProcessId,
    bpmnXml,
    forms,
    timeLimit,
    fees,
    components,
    onlineLevel,
  });
  expect(draft.status).toBe(201);
  page = await ds.browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  page.on('console', (m) => {
    if (/Content Security Policy|unsafe-eval/i.test(m.text())) pageErrors.push(m.text());
  });
});

afterEach(async () => {
  await page?.screenshot({ path: path.join(artifactsDir, 'decisions-last.png') });
  if (pageErrors.length) console.error(pageErrors.join('\n'));
});

afterAll(async () => {
  await engine?.close();
  await ds?.close();
});

test('a rule cell edited in the decision table editor is saved, diffed in words and published', async () => {
  const login = ds.system.logins.thietke!;
  await page.goto(`${ds.system.url}/procedures`);
  await page.getByLabel('Tên đăng nhập').fill(login.username);
  await page.getByLabel('Mật khẩu').fill(login.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('procedure-search').fill(CODE);
  await page.getByTestId(`procedure-${CODE}`).getByRole('link').click();

  await page.getByRole('tab', { name: 'Bảng quyết định' }).click();
  const cell = page.locator(`td[data-element-id="${CELL}"]`);
  await cell.waitFor();
  expect((await cell.innerText()).trim()).toBe('<= 60');
  await cell.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('<= 90');
  await page.locator('td[data-element-id="mien-le-phi-khai-sinh_Rule_3_In_2"]').click();
  expect((await cell.innerText()).trim()).toBe('<= 90');
  await shot('01-editor');

  await page.getByTestId('changelog').fill('Mở rộng thời hạn miễn lệ phí lên 90 ngày');
  await page.getByTestId('save-draft').click();
  await page.getByTestId('design-message').filter({ hasText: 'phiên bản 3' }).waitFor();

  await page.getByRole('tab', { name: 'Phiên bản' }).click();
  await page.getByTestId('version-3').waitFor();
  await page.getByTestId('compare').click();
  const diff = page.getByTestId('decision-diff');
  await diff.waitFor();
  expect(await diff.innerText()).toContain(
    'Bảng "Miễn lệ phí đăng ký khai sinh": quy tắc 2 (Đăng ký trong 60 ngày kể từ ngày sinh (Điều 15)) đổi Số ngày từ ngày sinh đến ngày tiếp nhận: <= 60 → <= 90',
  );
  await diff.scrollIntoViewIfNeeded();
  await shot('02-versions-diff');

  await page.getByTestId('publish-3').click();
  await page
    .getByTestId('versions-message')
    .filter({ hasText: 'Đã công bố phiên bản 3' })
    .waitFor({ timeout: 30_000 });
  await shot('03-published');

  const procedure = (await designer.get(`/api/procedures/${CODE}`)).body;
  expect(procedure.publishedVersion).toBe(3);
  const v3 = procedure.versions.find((v: { version: number }) => v.version === 3);
  expect(v3.decisions[0].dmnXml).toMatch(
    /<inputEntry id="mien-le-phi-khai-sinh_Rule_2_In_2">\s*<text>&lt;= 90<\/text>/,
  );
  expect(pageErrors).toEqual([]);
});
