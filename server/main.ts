// Starts the API server on a connected store: indexes, seed, HTTP listener; returns its URL and a close().
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import type { Config } from './config/load-config';
import { resolveSessionSecret } from './config/session-secret';
import { createSessionKeeper } from './auth/sessions';
import type { EngineClient } from './engine/engine-client';
import type { Logger } from './config/logger';
import type { CrashPoint } from './domain/step-boundaries';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(options: {
  config: Config;
  logger: Logger;
  engine?: EngineClient;
  webAppDir?: string;
  mailCatcher?: boolean;
  crashPoint?: CrashPoint;
}): Promise<RunningServer> {
  const { logger, engine, webAppDir, mailCatcher, crashPoint } = options;
  const sessionSecret = await resolveSessionSecret(options.config.dataDir, options.config.sessionSecret);
  const config = { ...options.config, sessionSecret };
  const app = createApp({
    config,
    logger,
    sessions: createSessionKeeper(sessionSecret, config.sessionTtlHours),
    ...(engine ? { engine } : {}),
    ...(webAppDir ? { webAppDir } : {}),
    ...(mailCatcher ? { mailCatcher } : {}),
    ...(crashPoint ? { crashPoint } : {}),
  });
  const server: Server = app.listen(config.port, config.host);
  await once(server, 'listening');
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
