// `npm start`: the whole system on one machine. Starts the embedded document store unless MONGODB_URI is set,
// the embedded Zeebe engine unless ZEEBE_ADDRESS is set, the development mail catcher unless SMTP_HOST is set or
// MAIL_CATCHER=off, builds the web app when its sources changed, seeds demo data and the procedure catalogue,
// starts the API and the job workers (not with WORKERS=off: they run as `npm run workers`), and prints the URL and logins (the demo passwords only on the start that
// generated them). DATA_DIR is kept 0700 with its files 0600.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { credentialsFile, startDocstore } from '../embedded/docstore';
import { startEngine } from '../embedded/zeebe';
import { startWorkers } from '../engine-worker';
import { ConfigError, loadConfig, type Config } from '../server/config/load-config';
import { startMailCatcher } from '../server/dev/mail-catcher';
import { createEngineClient } from '../server/engine/engine-client';
import { createLogger, type Logger } from '../server/config/logger';
import { connectStore } from '../server/models/connect-store';
import { startServer } from '../server/main';
import { seedCatalogue } from '../server/seed/seed-catalogue';
import { seedDemoData, type SeededDemoData } from '../server/seed/seed-demo-data';
import { protectDataDir } from './protect-data-dir';

const root = path.resolve(__dirname, '..');
type Closer = { name: string; close: () => Promise<unknown> };

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds designer/ into designer/dist with Vite when its sources are newer than the last build. */
function buildWebApp(logger: Logger): string | undefined {
  const designer = path.join(root, 'designer');
  if (!existsSync(path.join(designer, 'index.html'))) return undefined;
  const built = path.join(designer, 'dist', 'index.html');
  if (!existsSync(built) || statSync(built).mtimeMs < newestMtime(designer)) {
    logger.info('building the web app (vite)');
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: designer,
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error('the web app did not build (see above)');
  }
  return path.join(designer, 'dist');
}

/**
 * The passwords appear only on the start that generated them (an operator at a terminal); later starts, whose
 * output a service manager collects into logs, name the accounts and the file that holds their passwords.
 */
function printBanner(
  url: string,
  demo: SeededDemoData,
  storeUri: string,
  engine: string,
  mail: string,
  workers: string,
): void {
  const { logins } = demo;
  const width = Math.max(...logins.map((l) => l.username.length));
  const account = (l: SeededDemoData['logins'][number]) =>
    `${l.roles.join(',')}${l.agency ? ` — ${l.agency}` : ''}`;
  const lines = [
    '',
    `Một cửa is running at ${url}`,
    `  store:  ${storeUri.replace(/\/\/[^@/]*@/, '//***@')}`,
    `  engine: ${engine}`,
    `  mail:   ${mail}`,
    `  jobs:   ${workers}`,
    '',
    ...(demo.passwordsGenerated
      ? [
          `Demo logins (shown this once; kept in ${demo.loginsFile}):`,
          ...logins.map((l) => `  ${l.username.padEnd(width)}  ${l.password}  ${account(l)}`),
        ]
      : [
          `Demo logins (passwords in ${demo.loginsFile}):`,
          ...logins.map((l) => `  ${l.username.padEnd(width)}  ${account(l)}`),
        ]),
    '',
    'Stop with Ctrl+C.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const closers: Closer[] = [];
  const shutdown = async (code: number) => {
    for (const { name, close } of closers.reverse()) {
      await close().catch((error: unknown) =>
        logger.warn(`closing ${name} failed`, { error: String(error) }),
      );
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  try {
    await protectDataDir(config.dataDir);

    const embeddedStore = async (): Promise<string> => {
      // The same file `npm run docstore -- --dbpath DATA_DIR/docstore` reads, so both start the same store.
      const dbpath = path.join(config.dataDir, 'docstore');
      const credentials = await credentialsFile(path.join(dbpath, 'credentials.json'));
      const docstore = await startDocstore({ port: 0, dbpath, credentials });
      closers.push({ name: 'docstore', close: () => docstore.close() });
      return docstore.uri('motcua');
    };
    const storeUri: string = config.mongodbUri ?? (await embeddedStore());
    await connectStore(storeUri);
    closers.push({ name: 'store connection', close: () => mongoose.disconnect() });

    let engineAddress = config.zeebeAddress;
    if (!engineAddress) {
      const engine = await startEngine({
        port: 0,
        dataDir: path.join(config.dataDir, 'zeebe'),
        clock: 'real',
      });
      closers.push({ name: 'embedded engine', close: () => engine.close() });
      engineAddress = engine.address;
    }
    const engine = createEngineClient(engineAddress);
    closers.push({ name: 'engine client', close: () => engine.close() });

    // No mail server: a local sink keeps the e-mails (listed at /dev/mail) so a newcomer sees what was sent.
    let mail = config.smtp
      ? `${config.smtp.host}:${config.smtp.port}`
      : 'none (MAIL_CATCHER=off): e-mails are not sent';
    const mailCatcher = !config.smtp && config.mailCatcher;
    if (mailCatcher) {
      const catcher = await startMailCatcher(logger);
      closers.push({ name: 'mail catcher', close: () => catcher.close() });
      config = { ...config, smtp: catcher.smtp };
      logger.warn('no SMTP_HOST: e-mails go to the development mail catcher, not to applicants', {
        smtp: `${catcher.smtp.host}:${catcher.smtp.port}`,
      });
    }

    const demo = await seedDemoData(config.dataDir);
    const catalogue = await seedCatalogue({ engine, logger });
    logger.info('procedure catalogue loaded', catalogue);
    const webAppDir = buildWebApp(logger);
    const server = await startServer({
      config,
      logger,
      engine,
      ...(webAppDir ? { webAppDir } : {}),
      mailCatcher,
    });
    closers.push({ name: 'http server', close: () => server.close() });

    let jobs = 'job workers in this process';
    if (config.workers) {
      const workers = await startWorkers({
        engine,
        config,
        logger,
        publicUrl: config.publicUrl ?? server.url,
      });
      closers.push({ name: 'workers', close: () => workers.close() });
    } else {
      jobs = 'no job workers in this process (WORKERS=off): run `npm run workers` beside it';
    }
    if (mailCatcher) {
      mail = `development catcher, nothing is delivered: ${server.url}/dev/mail (admin); MAIL_CATCHER=off stops it`;
    }
    printBanner(server.url, demo, storeUri, engineAddress, mail, jobs);
  } catch (error) {
    logger.error('start failed', {
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    await shutdown(1);
  }
}

void main();
