// `npm run bench:web`: in Chromium, the designer's modeler importing and linting a generated BPMN of ELEMENTS
// (1,000) elements; the first render of a FIELDS (200) field declaration form with the preview's JSON Forms
// setup, each in a fresh tab, RUNS (5) times; and keystroke latency in that form (to the painted field, and to
// the form data update). The page is designer/bench, built with the designer's Vite config into a temp dir.
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../tests/e2e/chromium';

const elements = Number(process.env.ELEMENTS ?? 1000);
const fields = Number(process.env.FIELDS ?? 200);
const runs = Number(process.env.RUNS ?? 5);
/**
 * PROFILE=1: a CPU profile of the last import + lint, of the form's first render and of the first keystroke in
 * it, top functions printed.
 */
const profile = process.env.PROFILE === '1';
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
  renderForm(n: number): {
    renderMs: number;
    reactMs: number;
    layoutMs: number;
    inputs: number;
    labelled: number;
  };
  keystrokes(): { painted: number[]; dataUpdated: number[] };
}
declare const window: { motcuaBench: Bench };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const summary = (values: number[]) =>
  `median ${ms(median(values))}, min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))} (n=${values.length})`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time by function (name, file, line) of a CDP CPU profile, the top `count`. */
function topFunctions(
  result: { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } },
  count = 15,
) {
  const byId = new Map(result.profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  result.profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (result.profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, time]) => `    ${time.toFixed(1).padStart(8)} ms  ${name}`)
    .join('\n');
}

async function profiled<T>(cdp: CDPSession | undefined, label: string, run: () => Promise<T>): Promise<T> {
  if (!cdp) return run();
  await cdp.send('Profiler.start');
  const value = await run();
  const result = (await cdp.send('Profiler.stop')) as unknown as Parameters<typeof topFunctions>[0];
  const file = path.join(os.tmpdir(), `bench-web-${label.replace(/\W+/g, '-')}.cpuprofile`);
  await writeFile(file, JSON.stringify(result.profile));
  console.log(`  profile of ${label} (${file}), self time:\n${topFunctions(result)}`);
  return value;
}

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
      // Readable function names in the profile; the figures of a PROFILE run are not the bench's.
      ...(profile ? ['--minify', 'false'] : []),
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
    const errors: string[] = [];
    /** A fresh tab on the bench page, as an officer opening a screen: nothing else has run in it. */
    const openPage = async () => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await page
        .waitForFunction(() => document.body.dataset.ready === 'true')
        .catch((error: Error) => {
          throw new Error(`bench page did not start: ${errors.join('; ') || error.message}`);
        });
      return page;
    };
    const page = await openPage();

    const cdp = profile ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    }
    const imports = [];
    for (let i = 0; i <= runs; i++) {
      const run = () => page.evaluate((n) => window.motcuaBench.importAndLint(n), elements);
      imports.push(await (i === runs ? profiled(cdp, 'the last import + lint', run) : run()));
    }
    const [first, ...rest] = imports;
    console.log(
      `BPMN import + lint, ${first!.elements} diagram elements (${elements} requested), ${first!.reports} lint reports`,
    );
    console.log(`  first (cold)          ${ms(first!.importAndLintMs)}`);
    console.log(`  next runs             ${summary(rest.map((r) => r.importAndLintMs))}`);
    console.log(`  lint alone            ${summary(imports.map((r) => r.lintMs))}`);
    console.log(`  bpmn-js import alone  ${summary(imports.map((r) => r.importOnlyMs))}`);

    // Each first render in its own fresh tab (the import runs above leave a heap full of diagrams behind).
    const renders = [];
    let formPage = page;
    let formCdp: CDPSession | undefined;
    for (let i = 0; i < runs; i++) {
      formPage = await openPage();
      formCdp = profile && i === runs - 1 ? await formPage.context().newCDPSession(formPage) : undefined;
      if (formCdp) {
        await formCdp.send('Profiler.enable');
        await formCdp.send('Profiler.setSamplingInterval', { interval: 200 });
      }
      renders.push(
        await profiled(formCdp, 'the form render', () =>
          formPage.evaluate((n) => window.motcuaBench.renderForm(n), fields),
        ),
      );
      if (i < runs - 1) await formPage.close();
    }
    const rendered = renders[renders.length - 1]!;
    console.log(
      `Form first render, ${fields} fields (${rendered.inputs} inputs), each in a fresh tab: ${summary(renders.map((r) => r.renderMs))}`,
    );
    console.log(
      `  of which React render + commit ${summary(renders.map((r) => r.reactMs))}, forced layout ${summary(renders.map((r) => r.layoutMs))}; ${rendered.labelled} inputs named by a label`,
    );

    const input = formPage.locator('#form input').nth(Math.floor(fields / 2));
    await input.click();
    await formPage.evaluate(() => window.motcuaBench.keystrokes());
    // One key at a time, waiting past JSON Forms' input debounce so each key gets its own data update.
    for (const [i, key] of [...keys].entries()) {
      await profiled(i === 0 ? formCdp : undefined, 'the first keystroke', async () => {
        await formPage.keyboard.type(key);
        await formPage.waitForTimeout(450);
      });
    }
    const typed = await formPage.evaluate(() => window.motcuaBench.keystrokes());
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
