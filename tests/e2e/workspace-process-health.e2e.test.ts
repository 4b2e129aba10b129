// The machine-health chip in Chromium, on the whole system serving the built app: a dossier in incident shows
// "Lỗi xử lý" on its screen (with the cause for the leader, not for the officer), in the dossier list and on its
// inbox task; a stalled one shows "Đang chờ hệ thống". The marks are set as the workers set them
// (server/domain/process-incidents.ts; tests/engine-worker/process-health.int.test.ts drives the workers themselves).
// axe-core runs on each screen. Screens go to test-artifacts/workspace-health-*.png.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { changeDossier } from '../../server/domain/dossier-events';
import { recordIncident } from '../../server/domain/process-incidents';
import { DossierModel } from '../../server/models/Dossier';
import type { ApiClient } from '../server/support/api-client';
import { birthRegistrationFiling, openTask, signInAll } from '../engine-worker/filings';
import { startLifecycleSystem, type LifecycleSystem } from '../engine-worker/lifecycle-system';
import { seriousViolations } from './axe-check';
import { launchChromium } from './chromium';
import { artifactsDir, buildWebApp } from './designer-system';

jest.setTimeout(300_000);

let system: LifecycleSystem;
let browser: Browser;
let as: Record<string, ApiClient> = {};
const pageErrors: string[] = [];
const accessibility: string[] = [];
let incidentCode = '';
let stalledCode = '';

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(artifactsDir, `workspace-health-${name}.png`), fullPage: true });

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

beforeAll(async () => {
  await mkdir(artifactsDir, { recursive: true });
  const webAppDir = await buildWebApp();
  system = await startLifecycleSystem({ webAppDir });
  browser = await launchChromium();
  as = await signInAll(system, ['tiepnhan.hoankiem', 'chuyenvien.hoankiem', 'lanhdao.hoankiem']);
  for (const name of ['Lê Văn Lỗi', 'Phạm Thị Chờ']) {
    const filed = await as['tiepnhan.hoankiem']!.post('/api/dossiers', birthRegistrationFiling({ name }));
    expect(filed.status).toBe(201);
  }
  const codes = (await DossierModel.find({}, { code: 1 }).sort({ submittedAt: 1 }).lean()).map((d) => d.code);
  [incidentCode, stalledCode] = codes as [string, string];
  for (const code of codes) await openTask(as['chuyenvien.hoankiem']!, code, 'Review');
  const incident = (await DossierModel.findOne({ code: incidentCode }).lean())!;
  await recordIncident({
    processInstanceKey: incident.processInstanceKey!,
    elementId: 'WarnNearDue',
    message: 'dossier.deadline: Máy chủ lịch làm việc không trả lời',
  });
  const stalled = (await DossierModel.findOne({ code: stalledCode }).lean())!;
  await changeDossier(stalled._id, {
    event: { actor: { kind: 'system', name: 'engine-worker' }, action: 'dossier.stalled' },
    processHealth: { state: 'stalled', since: new Date(), message: 'Không có tiến triển' },
  });
});

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

test('the dossier screen shows "Lỗi xử lý" with its cause to the leader, and only the chip to the officer', async () => {
  const leader = await signedIn('lanhdao.hoankiem', `/dossiers/${incidentCode}`);
  const chip = leader.getByTestId('process-health');
  await chip.waitFor();
  expect(await chip.innerText()).toBe('Lỗi xử lý');
  expect(await chip.getAttribute('data-state')).toBe('incident');
  expect(await leader.getByTestId('process-health-message').innerText()).toContain(
    'Máy chủ lịch làm việc không trả lời',
  );
  accessibility.push(...(await seriousViolations(leader, 'dossier (leader)')));
  await shot(leader, 'dossier-leader');

  const officer = await signedIn('chuyenvien.hoankiem', `/dossiers/${incidentCode}`);
  await officer.getByTestId('process-health').waitFor();
  expect(await officer.getByTestId('process-health').innerText()).toBe('Lỗi xử lý');
  expect(await officer.getByTestId('process-health-message').count()).toBe(0);
  // Nor does the timeline carry the cause: it names the event only.
  expect(await officer.getByTestId('dossier-detail').innerText()).not.toContain('Máy chủ lịch');
});

test('the dossier list and the inbox show the chip on the rows of the marked dossiers only', async () => {
  const page = await signedIn('chuyenvien.hoankiem', '/dossiers');
  await page.getByTestId(`dossier-${incidentCode}`).waitFor();
  const listChip = (code: string) => page.getByTestId(`dossier-${code}`).getByTestId('process-health');
  expect(await listChip(incidentCode).innerText()).toBe('Lỗi xử lý');
  expect(await listChip(stalledCode).innerText()).toBe('Đang chờ hệ thống');
  expect(await listChip(stalledCode).getAttribute('data-state')).toBe('stalled');
  accessibility.push(...(await seriousViolations(page, 'dossier list')));
  await shot(page, 'list');

  await page.goto(`${system.url}/inbox`);
  await page.getByTestId(`task-${incidentCode}`).waitFor();
  const taskChip = (code: string) => page.getByTestId(`task-${code}`).getByTestId('process-health');
  expect(await taskChip(incidentCode).innerText()).toBe('Lỗi xử lý');
  expect(await taskChip(stalledCode).innerText()).toBe('Đang chờ hệ thống');
  accessibility.push(...(await seriousViolations(page, 'inbox')));
  await shot(page, 'inbox');

  // Once the stalled dossier moves on, its chip is gone.
  const stalled = (await DossierModel.findOne({ code: stalledCode }).lean())!;
  await changeDossier(stalled._id, {
    event: { actor: { kind: 'system', name: 'engine-worker' }, action: 'dossier.digitised' },
  });
  await page.reload();
  await page.getByTestId(`task-${stalledCode}`).waitFor();
  expect(await taskChip(stalledCode).count()).toBe(0);
  expect(await taskChip(incidentCode).count()).toBe(1);
});

afterAll(() => {
  expect(pageErrors).toEqual([]);
  expect(accessibility).toEqual([]);
});
