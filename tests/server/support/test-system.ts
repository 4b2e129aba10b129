// Starts what a server test needs: the embedded docstore in a fresh temp dir, mongoose connected over the wire,
// demo data seeded, and the real HTTP server on a random port.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { startDocstore } from '../../../embedded/docstore';
import { loadConfig } from '../../../server/config/load-config';
import type { EngineClient } from '../../../server/engine/engine-client';
import { createLogger } from '../../../server/config/logger';
import { connectStore } from '../../../server/models/connect-store';
import { startServer, type RunningServer } from '../../../server/main';
import { seedDemoData, type DemoLogin } from '../../../server/seed/seed-demo-data';

export interface TestSystem {
  url: string;
  dataDir: string;
  logins: Record<string, DemoLogin>;
  server: RunningServer;
  /** Stops the HTTP server and starts a new one on the same store and data dir (a server restart). */
  restartServer(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestSystem(
  options: {
    env?: Record<string, string>;
    engine?: EngineClient;
    webAppDir?: string;
    mailCatcher?: boolean;
  } = {},
): Promise<TestSystem> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-server-'));
  const docstore = await startDocstore({ port: 0, dbpath: path.join(dataDir, 'docstore') });
  await connectStore(docstore.uri('motcua'));
  const { logins } = await seedDemoData(dataDir);
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    // An answer that does not match its response schema fails the test that got it.
    RESPONSE_CHECK: 'reject',
    ...options.env,
  });
  const logger = createLogger(config.logLevel);
  const start = () =>
    startServer({
      config,
      logger,
      ...(options.engine ? { engine: options.engine } : {}),
      ...(options.webAppDir ? { webAppDir: options.webAppDir } : {}),
      ...(options.mailCatcher ? { mailCatcher: true } : {}),
    });
  const system: TestSystem = {
    url: '',
    dataDir,
    logins: Object.fromEntries(logins.map((l) => [l.username, l])),
    server: await start(),
    async restartServer() {
      await system.server.close();
      system.server = await start();
      system.url = system.server.url;
    },
    async close() {
      await system.server.close();
      await mongoose.disconnect();
      await docstore.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  system.url = system.server.url;
  return system;
}
