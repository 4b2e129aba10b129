// Bad .bpmn uploads in the modeler: entity tricks, malformed XML, a file that is not BPMN, unknown elements and
// an oversized file are each refused with a Vietnamese reason and leave the diagram on the canvas as it was;
// a good file then replaces it.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ApiClient } from '../server/support/api-client';
import { artifactsDir, startDesignerSystem, type DesignerSystem } from './designer-system';
import { createTestProcedureBody, intakeDiagram, testProcedureCode } from './designer-fixtures';

jest.setTimeout(240_000);

let ds: DesignerSystem;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ds = await startDesignerSystem();
  const designer = new ApiClient(() => ds.system.url);
  const login = ds.system.logins.thietke!;
  expect((await designer.login(login.username, login.password)).status).toBe(200);
  expect((await designer.post('/api/procedures', createTestProcedureBody)).status).toBe(201);
  page = await ds.browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
});

afterAll(async () => {
  await ds?.close();
});

const upload = (name: string, content: string) =>
  page
    .getByTestId('bpmn-upload')
    .setInputFiles({ name, mimeType: 'application/xml', buffer: Buffer.from(content) });

async function expectRefused(name: string, content: string, reason: string) {
  await upload(name, content);
  const refusal = page.getByTestId('bpmn-refusal');
  await refusal.filter({ hasText: reason }).waitFor();
  expect(await refusal.innerText()).toContain('sơ đồ không thay đổi');
  // The diagram that was there is still there, and nothing of the refused file is.
  await page.locator('.djs-element[data-element-id="Intake"]').waitFor();
  expect(await page.locator('.djs-element[data-element-id="Rogue"]').count()).toBe(0);
  await refusal.getByRole('button').click();
  await refusal.waitFor({ state: 'detached' });
}

test('hostile and broken .bpmn files are refused and change nothing; a good file is imported', async () => {
  const login = ds.system.logins.thietke!;
  await page.goto(`${ds.system.url}/procedures/${testProcedureCode}`);
  await page.getByLabel('Tên đăng nhập').fill(login.username);
  await page.getByLabel('Mật khẩu').fill(login.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('tab', { name: 'Quy trình (BPMN)' }).click();
  await page.locator('.djs-element[data-element-id="Intake"]').waitFor();

  const entities = intakeDiagram.replace(
    '<bpmn:definitions',
    '<!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<bpmn:definitions',
  );
  await expectRefused('entities.bpmn', entities, 'DOCTYPE/ENTITY');
  await expectRefused(
    'broken.bpmn',
    intakeDiagram.slice(0, intakeDiagram.length / 2),
    'không phải XML hợp lệ',
  );
  await expectRefused(
    'note.bpmn',
    '<?xml version="1.0"?><note>Không phải sơ đồ</note>',
    'không phải sơ đồ BPMN 2.0',
  );
  const unknown = intakeDiagram
    .replace(/id="Intake"/g, 'id="Rogue"')
    .replace('bpmnElement="Intake"', 'bpmnElement="Rogue"')
    .replace('<bpmn:endEvent', '<bpmn:teleportTask id="Teleport" /><bpmn:endEvent');
  await expectRefused('unknown.bpmn', unknown, 'phần tử không nhận biết được');
  await expectRefused(
    'huge.bpmn',
    intakeDiagram.replace('</bpmn:definitions>', `<!--${'x'.repeat(1_000_001)}-->\n</bpmn:definitions>`),
    'Tệp quá lớn',
  );
  await page.screenshot({ path: path.join(artifactsDir, 'designer-upload-refused.png') });

  await upload('renamed.bpmn', intakeDiagram.replace(/Intake/g, 'Reception'));
  await page.locator('.djs-element[data-element-id="Reception"]').waitFor();
  expect(await page.locator('.djs-element[data-element-id="Intake"]').count()).toBe(0);
  expect(await page.getByTestId('bpmn-refusal').count()).toBe(0);

  // Lint (in the worker) flags a Zeebe 8.6 feature on the canvas for the engine's 8.3, after an import and
  // again after an edit: deleting the offending task clears it.
  await upload(
    'listener.bpmn',
    intakeDiagram.replace(
      '<zeebe:taskDefinition type="dossier.intake" retries="3" />',
      '<zeebe:taskDefinition type="dossier.intake" retries="3" /><zeebe:executionListeners><zeebe:executionListener eventType="start" type="dossier.notify" /></zeebe:executionListeners>',
    ),
  );
  await page.getByTestId('lint-summary').filter({ hasText: '1 lỗi' }).waitFor();
  await page.locator('.djs-overlays[data-container-id="Intake"] .cl-icon-error').waitFor();
  await page.locator('.djs-element.djs-shape[data-element-id="Intake"]').click();
  await page.keyboard.press('Delete');
  await page.getByTestId('lint-summary').filter({ hasText: 'Không có lỗi kiểm tra' }).waitFor();
  expect(pageErrors).toEqual([]);
});
