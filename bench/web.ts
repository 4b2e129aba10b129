// `npm run bench:web`: in Chromium, the designer's modeler importing and linting a generated BPMN of ELEMENTS
// (1,000) elements, the first render of a FIELDS (200) field declaration form with the preview's JSON Forms setup,
// and keystroke latency in that form (to the painted field, and to the form data update). The page is
// designer/bench, built with the designer's Vite config into a temp dir. Settings: ELEMENTS, FIELDS, RUNS.
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { launchChromium } from '../tests/e2e/chromium';

const elements = Number(process.env.ELEMENTS ?? 1000);
const fields = Number(process.env.FIELDS ?? 200);
const runs = Number(process.env.RUNS ?? 5);
const keys = 'Nguyễn Văn An';
const designerDir = path.resolve(__dirname, '../designer');

interface Bench {
  importAndLint(n: number): Promise<{
    ok: boolean;
    importAndLintMs: number;
    lintMs: number;
    importOnlyMs: number;
    elements: number;
    reports: number;
  }>;
  renderForm(n: number): { renderMs: number; inputs: number };
  keystrokes(): { painted: number[]; dataUpdated: number[] };
}
declare const window: { motcuaBench: Bench };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const summary = (values: number[]) =>
  `median ${ms(median(values))}, min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))} (n=${values.length})`;

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

async function main() {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'bench-web-'));
  // Vite is ESM-only; run in-process from tsx its import.meta.glob transform does not apply, so it runs as the CLI.
  await promisify(execFile)(
    process.execPath,
    [
      path.join(designerDir, '../node_modules/vite/bin/vite.js'),
      'build',
      path.join(designerDir, 'bench'),
      '--config',
      path.join(designerDir, 'vite.config.ts'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const server = createServer(async (req, res) => {
    const file = path.join(
      outDir,
      path.normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)),
    );
    const target = file.endsWith(path.sep) ? path.join(file, 'index.html') : file;
    if (!target.startsWith(outDir) || !(await stat(target).catch(() => null))?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page
      .waitForFunction(() => document.body.dataset.ready === 'true')
      .catch((error: Error) => {
        throw new Error(`bench page did not start: ${errors.join('; ') || error.message}`);
      });

    const imports = [];
    for (let i = 0; i <= runs; i++)
      imports.push(await page.evaluate((n) => window.motcuaBench.importAndLint(n), elements));
    const [first, ...rest] = imports;
    console.log(
      `BPMN import + lint, ${first!.elements} diagram elements (${elements} requested), ${first!.reports} lint reports`,
    );
    console.log(`  first (cold)          ${ms(first!.importAndLintMs)}`);
    console.log(`  next runs             ${summary(rest.map((r) => r.importAndLintMs))}`);
    console.log(`  lint alone            ${summary(imports.map((r) => r.lintMs))}`);
    console.log(`  bpmn-js import alone  ${summary(imports.map((r) => r.importOnlyMs))}`);

    const rendered = await page.evaluate((n) => window.motcuaBench.renderForm(n), fields);
    console.log(`Form first render, ${fields} fields (${rendered.inputs} inputs): ${ms(rendered.renderMs)}`);

    const input = page.locator('#form input').nth(Math.floor(fields / 2));
    await input.click();
    await page.evaluate(() => window.motcuaBench.keystrokes());
    // One key at a time, waiting past JSON Forms' input debounce so each key gets its own data update.
    for (const key of keys) {
      await page.keyboard.type(key);
      await page.waitForTimeout(450);
    }
    const typed = await page.evaluate(() => window.motcuaBench.keystrokes());
    console.log(
      `Keystroke in field ${Math.floor(fields / 2) + 1} of ${fields}, ${keys.length} keys ("${keys}")`,
    );
    console.log(`  to the painted field  ${summary(typed.painted)}`);
    console.log(
      `  to the form data      ${summary(typed.dataUpdated)} (includes JSON Forms' input debounce)`,
    );
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    server.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
