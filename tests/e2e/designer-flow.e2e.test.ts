// A designer signs in, opens a procedure, adds a user task from one of our user-task templates, adds a required field
// to its declaration form, saves a draft, compares it with the version in force, publishes it, and a new
// dossier received at the counter follows the new version. Screens are saved to test-artifacts/.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ApiClient } from '../server/support/api-client';
import { artifactsDir, startDesignerSystem, type DesignerSystem } from './designer-system';
import { createTestProcedureBody, testProcedureCode } from './designer-fixtures';

jest.setTimeout(240_000);

let ds: DesignerSystem;
let page: Page;
let designer: ApiClient;
const pageErrors: string[] = [];

// Transitions finished, so a chip that just changed status is shown in its new colour.
const shot = (name: string) =>
  page.screenshot({ path: path.join(artifactsDir, `designer-${name}.png`), animations: 'disabled' });

beforeAll(async () => {
  await mkdir(artifactsDir, { recursive: true });
  ds = await startDesignerSystem();
  designer = new ApiClient(() => ds.system.url);
  const login = ds.system.logins.thietke!;
  expect((await designer.login(login.username, login.password)).status).toBe(200);
  expect((await designer.post('/api/procedures', createTestProcedureBody)).status).toBe(201);
  const published = await designer.post(`/api/designer/procedures/${testProcedureCode}/versions/1/publish`);
  expect(published.status).toBe(200);
  page = await ds.browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  // The CSP has no 'unsafe-eval': a library that still evaluates strings is reported here, caught or not.
  page.on('console', (m) => {
    if (/Content Security Policy|unsafe-eval/i.test(m.text())) pageErrors.push(m.text());
  });
});

afterEach(async () => {
  // The screen as it was when a step failed, next to the step screenshots.
  await page?.screenshot({ path: path.join(artifactsDir, 'designer-last.png') });
  if (pageErrors.length) console.error(pageErrors.join('\n'));
});

afterAll(async () => {
  await ds?.close();
});

test('designer changes flow and form, publishes, and a new dossier follows the new version', async () => {
  const login = ds.system.logins.thietke!;
  await page.goto(`${ds.system.url}/procedures`);
  await page.getByLabel('Tên đăng nhập').fill(login.username);
  await page.getByLabel('Mật khẩu').fill(login.password);
  await shot('01-login');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  await page.getByTestId('procedure-search').fill(testProcedureCode);
  await page.getByTestId(`procedure-${testProcedureCode}`).waitFor();
  await shot('02-catalogue');
  await page.getByTestId(`procedure-${testProcedureCode}`).getByRole('link').click();
  await page.getByRole('tab', { name: 'Hồ sơ pháp lý' }).waitFor();
  await shot('03-legal-record');

  // Flow: append a task to the intake step and turn it into the specialist's review from our user-task templates.
  await page.getByRole('tab', { name: 'Quy trình (BPMN)' }).click();
  await page.locator('[data-element-id="End"]').waitFor();
  await page.locator('.djs-element[data-element-id="Intake"]').click();
  await page.locator('.djs-context-pad [data-action="append.append-task"]').click();
  await page.locator('.djs-context-pad [data-action="replace"]').click();
  await page.locator('.djs-popup-search input').fill('thẩm định');
  await page.locator('.djs-popup .entry').filter({ hasText: 'Chuyên viên thẩm định hồ sơ' }).first().click();
  // The new shape is a user task (its type marker) labelled with the template's name.
  const reviewTask = page.locator('.djs-element.djs-shape').filter({ hasText: 'thẩm định' });
  await reviewTask.waitFor();
  expect(await reviewTask.getAttribute('data-element-id')).toMatch(/^Activity_/);
  await page.getByTestId('lint-summary').waitFor();
  await shot('04-modeler');

  // Form: add a required text field to the first group.
  await page.getByRole('tab', { name: 'Tờ khai' }).click();
  await page.getByTestId('form-fields').waitFor();
  await page.locator('[data-testid^="add-field-"]').first().click();
  await page.getByRole('dialog').getByLabel('Nhãn').fill('Số điện thoại liên hệ khác');
  await page.getByRole('dialog').getByLabel('Bắt buộc nhập').check();
  await page.getByTestId('add-field-confirm').click();
  await page.getByTestId('field-soDienThoaiLienHeKhac').waitFor();
  await page.getByTestId('form-dirty').waitFor();
  // The preview shows the new required field, validated by the server-generated validators (no eval here).
  const preview = page.getByTestId('form-preview');
  await preview.getByLabel('Số điện thoại liên hệ khác').first().waitFor();
  expect(await page.getByTestId('preview-problem').count()).toBe(0);
  await shot('05-form-editor');

  await page.getByTestId('changelog').fill('Thêm bước thẩm định và số điện thoại liên hệ khác');
  await page.getByTestId('save-draft').click();
  await page.getByTestId('design-message').filter({ hasText: 'phiên bản 2' }).waitFor();

  // Versions: compare 1 with 2, then publish 2.
  await page.getByRole('tab', { name: 'Phiên bản' }).click();
  await page.getByTestId('version-2').waitFor();
  await page.getByTestId('compare').click();
  await page.getByTestId('diagram-diff').waitFor();
  await page.locator('[data-testid="diff-after"] .diff-added').first().waitFor();
  const diagramDiff = await page.getByTestId('diagram-diff').innerText();
  expect(diagramDiff).toContain('UserTask');
  expect(await page.getByTestId('form-diff').innerText()).toContain('Số điện thoại liên hệ khác');
  await shot('06-versions-diff');

  await page.getByTestId('publish-2').click();
  await page
    .getByTestId('versions-message')
    .filter({ hasText: 'Đã công bố phiên bản 2' })
    .waitFor({ timeout: 30_000 });
  // The list follows: version 2 in force, version 1 retired, no publish button left on either.
  await page.getByTestId('version-2').filter({ hasText: 'đang áp dụng' }).waitFor();
  expect(await page.getByTestId('publish-2').count()).toBe(0);
  await shot('07-published');

  // The published diagram holds a Zeebe 8.3 job-based user task: the template's group, form and due date.
  const procedure = await designer.get(`/api/procedures/${testProcedureCode}`);
  const v2 = procedure.body.versions.find((v: { version: number }) => v.version === 2);
  const userTask =
    /<bpmn:userTask [^>]*name="Chuyên viên thẩm định hồ sơ"[^>]*>[\s\S]*?<\/bpmn:userTask>/.exec(
      v2.bpmnXml,
    )?.[0];
  expect(userTask).toContain('<zeebe:assignmentDefinition candidateGroups="chuyen-vien" />');
  expect(userTask).toContain('<zeebe:formDefinition formKey="mot-cua:quyet-dinh-tham-dinh" />');
  expect(userTask).toContain('<zeebe:taskSchedule dueDate="=dueAt" />');
  expect(userTask).not.toContain('zeebe:userTask');

  // A dossier received now follows version 2 and its designed form version.
  const officer = new ApiClient(() => ds.system.url);
  const counter = ds.system.logins['tiepnhan.hoankiem']!;
  await officer.login(counter.username, counter.password);
  const submitted = await officer.post('/api/dossiers', {
    procedureCode: testProcedureCode,
    channel: 'counter',
    applicant: { name: 'Nguyễn Văn An', idNumber: '001090012345' },
    declaration: { data: {} },
  });
  expect(submitted.status).toBe(201);
  const dossier = await officer.get(`/api/dossiers/${submitted.body.dossier.code}`);
  expect(dossier.body.procedure.version).toBe(2);
  expect(dossier.body.declaration.formVersion).toMatch(/-d1$/);

  // The counter screen renders that designed form version (fetched with its server-built validators, no eval)
  // and refuses to submit while the new required field is empty.
  const counterPage = await (
    await ds.browser.newContext({ viewport: { width: 1366, height: 768 } })
  ).newPage();
  counterPage.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  counterPage.on('console', (m) => {
    if (/Content Security Policy|unsafe-eval/i.test(m.text())) pageErrors.push(m.text());
  });
  await counterPage.goto(`${ds.system.url}/intake`);
  await counterPage.getByLabel('Tên đăng nhập').fill(counter.username);
  await counterPage.getByLabel('Mật khẩu').fill(counter.password);
  await counterPage.getByRole('button', { name: 'Đăng nhập' }).click();
  await counterPage.getByLabel('Thủ tục (tìm theo tên hoặc mã)').fill(testProcedureCode);
  await counterPage
    .getByRole('option', { name: new RegExp(testProcedureCode.replace(/\./g, '\\.')) })
    .click();
  await counterPage.getByLabel('Số điện thoại liên hệ khác').first().waitFor();
  await counterPage.screenshot({ path: path.join(artifactsDir, 'designer-08-counter-new-form.png') });
  await counterPage.context().close();
  expect(pageErrors).toEqual([]);
});
