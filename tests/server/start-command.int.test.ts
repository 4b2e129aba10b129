// The one start command (`npm start` = tsx scripts/start.ts) on an empty data dir: embedded store, seed, API,
// banner with URL and logins (passwords on the first start only); a wrong setting stops it with one line; a
// restart keeps logins and sessions; DATA_DIR and everything in it is owner-only.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmod, lstat, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApiClient } from './support/api-client';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-start-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function start(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(tsx, ['scripts/start.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? '/tmp',
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
}

/** Resolves with everything printed up to the banner's last line, or rejects when the process ends first. */
function banner(child: ChildProcessWithoutNullStreams, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`no banner within ${timeoutMs} ms:\n${out}\n${err}`)),
      timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Stop with Ctrl+C.')) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}\n${err}`));
    });
  });
}

async function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

/** Every path under dir whose mode is not owner-only (folders 0700, files 0600). */
async function notOwnerOnly(dir: string): Promise<string[]> {
  const found: string[] = [];
  const stats = await lstat(dir);
  if (stats.isDirectory()) {
    if ((stats.mode & 0o777) !== 0o700) found.push(`${dir} ${(stats.mode & 0o777).toString(8)}`);
    for (const name of await readdir(dir)) found.push(...(await notOwnerOnly(path.join(dir, name))));
  } else if (stats.isFile() && (stats.mode & 0o777) !== 0o600) {
    found.push(`${dir} ${(stats.mode & 0o777).toString(8)}`);
  }
  return found;
}

const loginsOf = (text: string) =>
  Object.fromEntries([...text.matchAll(/^ {2}([\w.]+)\s{2,}(\S+)\s{2,}(\S+)/gm)].map((m) => [m[1]!, m[2]!]));

it('starts on an empty data dir, prints the URL and demo logins, and serves them', async () => {
  const first = start({});
  let text: string;
  try {
    text = await banner(first);
  } catch (error) {
    await stop(first);
    throw error;
  }
  const url = /running at (http:\/\/\S+)/.exec(text)![1]!;
  const logins = loginsOf(text);
  expect(Object.keys(logins)).toEqual(
    expect.arrayContaining(['quantri', 'thietke', 'tiepnhan.hoankiem', 'lanhdao.hoankiem', 'congdan']),
  );
  const health = await fetch(`${url}/api/health`);
  expect(health.status).toBe(200);
  const officer = new ApiClient(() => url);
  expect((await officer.login('tiepnhan.hoankiem', logins['tiepnhan.hoankiem']!)).status).toBe(200);
  expect(await stop(first)).toBe(0);

  // The store's credentials, the engine's and the store's files, the session secret, the demo logins: owner-only.
  expect(JSON.parse(await readFile(path.join(dataDir, 'docstore', 'credentials.json'), 'utf8'))).toEqual({
    username: expect.any(String),
    password: expect.any(String),
  });
  expect(await notOwnerOnly(dataDir)).toEqual([]);
  // A data dir left readable by an older version is closed again at the next start.
  await chmod(dataDir, 0o755);
  await chmod(path.join(dataDir, 'session-secret'), 0o644);

  // Restart on the same data dir: the same logins (kept in the file, not printed again), and the session
  // signed in before still works.
  const second = start({});
  try {
    const again = await banner(second);
    const stored = JSON.parse(await readFile(path.join(dataDir, 'demo-logins.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(stored).toEqual(logins);
    for (const password of Object.values(logins)) expect(again).not.toContain(password);
    expect(again).toContain(path.join(dataDir, 'demo-logins.json'));
    expect(again).toMatch(/^ {2}tiepnhan\.hoankiem\s/m);
    expect(await notOwnerOnly(dataDir)).toEqual([]);
    const newUrl = /running at (http:\/\/\S+)/.exec(again)![1]!;
    const resumed = new ApiClient(() => newUrl);
    resumed.cookie = officer.cookie;
    expect((await resumed.get('/api/auth/session')).status).toBe(200);
  } finally {
    expect(await stop(second)).toBe(0);
  }
}, 120_000);

it.each([
  [{ PORT: 'abc' }, /^Invalid configuration: PORT must be an integer from 0 to 65535 \(got "abc"\)$/],
  [{ MONGODB_URI: 'localhost:27017' }, /^Invalid configuration: MONGODB_URI /],
])(
  'stops on a wrong setting %j with one clear line',
  async (env, line) => {
    const child = start(env);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err.trim()).toMatch(line);
  },
  30_000,
);
