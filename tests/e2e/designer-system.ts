// What a designer end-to-end test needs: the web app built, the embedded engine, the server with the demo data
// serving the built app, and Chromium (playwright-core with the Debian chromium).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startEngine, type RunningEngine } from '../../embedded/zeebe';
import { createEngineClient, type EngineClient } from '../../server/engine/engine-client';
import { startTestSystem, type TestSystem } from '../server/support/test-system';
import { launchChromium } from './chromium';
import { buildWebApp, repoRoot } from './web-app-build';

export { buildWebApp, repoRoot };
export const artifactsDir = path.join(repoRoot, 'test-artifacts');

export interface DesignerSystem {
  system: TestSystem;
  browser: Browser;
  engine: RunningEngine;
  close(): Promise<void>;
}

export async function startDesignerSystem(): Promise<DesignerSystem> {
  const webAppDir = await buildWebApp();
  const engineDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-designer-engine-'));
  const engine = await startEngine({ port: 0, dataDir: engineDir });
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
