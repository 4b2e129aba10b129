// `WORKERS=off npm start`: the API and its embedded store and engine start, but no job worker in that process
// (a filed dossier's first job stays for anyone to take); `npm run workers` beside it, pointed at the same
// store and engine, then does the work with the same start command's data.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ZBClient } from 'zeebe-node';
import { connectionString, credentialsFile } from '../../embedded/docstore';
import { birthRegistrationFiling } from '../engine-worker/filings';
import { eventually } from '../engine-worker/lifecycle-system';
import { ApiClient } from './support/api-client';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
let dataDir: string;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-no-workers-'));
});
afterAll(async () => {
  for (const child of children.reverse()) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

function run(entry: string, env: Record<string, string>, ready: string): Promise<string> {
  const child = spawn(tsx, [entry], {
    cwd: root,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', DATA_DIR: dataDir, ...env },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const watch = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(ready)) resolve(out);
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('exit', (code) => reject(new Error(`${entry} exited with ${code}:\n${out}`)));
  });
}

it('WORKERS=off starts the API without job workers; npm run workers beside it does their work', async () => {
  const banner = await run(
    'scripts/start.ts',
    { PORT: '0', LOG_LEVEL: 'warn', WORKERS: 'off', MAIL_CATCHER: 'off' },
    'Stop with Ctrl+C.',
  );
  expect(banner).toMatch(/jobs: {3}no job workers in this process \(WORKERS=off\)/);
  const url = /running at (http:\/\/\S+)/.exec(banner)![1]!;
  const storeAddress = /store: {2}mongodb:\/\/\*\*\*@([^/\s]+)\//.exec(banner)![1]!;
  const engineAddress = /engine: (\S+)/.exec(banner)![1]!;
  const logins = JSON.parse(await readFile(path.join(dataDir, 'demo-logins.json'), 'utf8')) as Record<
    string,
    string
  >;
  const counter = new ApiClient(() => url);
  expect((await counter.login('tiepnhan.hoankiem', logins['tiepnhan.hoankiem']!)).status).toBe(200);
  const filed = await counter.post('/api/dossiers', birthRegistrationFiling());
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;

  // No worker in the API's process holds the intake job: it is still there to activate. Held for a second
  // only, so it times out back to the worker process started next.
  const zbc = new ZBClient(engineAddress, { usePlainText: true, loglevel: 'NONE' } as never);
  try {
    // zeebe-node keeps polling while nothing is activatable: none within 15 s is an empty answer.
    const jobs = await Promise.race([
      zbc.activateJobs({
        type: 'dossier.intake',
        worker: 'test',
        maxJobsToActivate: 10,
        timeout: 1000,
        requestTimeout: 10_000,
      }),
      new Promise<[]>((resolve) => setTimeout(() => resolve([]), 15_000).unref()),
    ]);
    expect(jobs.map((job) => job.variables.dossierCode)).toEqual([code]);
  } finally {
    await zbc.close();
  }
  expect((await counter.get(`/api/dossiers/${code}`)).body.status.code).toBe(1);

  const credentials = await credentialsFile(path.join(dataDir, 'docstore', 'credentials.json'));
  await run(
    'engine-worker/main.ts',
    {
      MONGODB_URI: connectionString(storeAddress, 'motcua', credentials),
      ZEEBE_ADDRESS: engineAddress,
      PUBLIC_URL: url,
      LOG_LEVEL: 'info',
    },
    'job workers started',
  );
  await eventually('accepted by the worker process', async () => {
    const dossier = await counter.get(`/api/dossiers/${code}`);
    return dossier.body.status.code === 2 ? dossier : undefined;
  });
}, 180_000);
