// What a designer end-to-end test needs: the web app built, the embedded engine, the server with the demo data
// serving the built app, and Chromium (playwright-core with the Debian chromium).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startEngine, type RunningEngine } from '../../embedded/zeebe';
import { createEngineClient, type EngineClient } from '../../server/engine/engine-client';
import { startTestSystem, type TestSystem } from '../server/support/test-system';
import { launchChromium } from './chromium';

export const repoRoot = path.resolve(__dirname, '../..');
export const artifactsDir = path.join(repoRoot, 'test-artifacts');
const webAppDir = path.join(repoRoot, 'designer/dist');

export interface DesignerSystem {
  system: TestSystem;
  browser: Browser;
  engine: RunningEngine;
  close(): Promise<void>;
}

/** Vite is ESM-only and Jest runs CommonJS here, so the build runs as its own process. */
export async function buildWebApp(): Promise<string> {
  const vite = path.join(repoRoot, 'node_modules/vite/bin/vite.js');
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      [vite, 'build', 'designer', '--logLevel', 'error'],
      { cwd: repoRoot },
      (error, _out, err) => (error ? reject(new Error(`web app build failed: ${err}`)) : resolve()),
    ),
  );
  return webAppDir;
}

export async function startDesignerSystem(): Promise<DesignerSystem> {
  await buildWebApp();
  const engineDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-designer-engine-'));
  const engine = await startEngine({ port: 0, inspectPort: 0, dataDir: engineDir });
  const client: EngineClient = createEngineClient(engine.address, { secure: false });
  const system = await startTestSystem({ engine: client, webAppDir });
  const browser = await launchChromium();
  return {
    system,
    browser,
    engine,
    async close() {
      await browser.close();
      await system.close();
      await client.close();
      await engine.close();
      await rm(engineDir, { recursive: true, force: true });
    },
  };
}
