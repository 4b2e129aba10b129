// The separate job-worker process (`npm run workers`): it stops with one line naming a missing setting,
// PUBLIC_URL among them, since the links in its e-mails would otherwise have no host.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function runWorkers(env: Record<string, string>) {
  return spawnSync(tsx, ['engine-worker/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'error', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

const servers = { MONGODB_URI: 'mongodb://127.0.0.1:9/motcua', ZEEBE_ADDRESS: '127.0.0.1:9' };

it.each([
  [{}, 'MONGODB_URI'],
  [{ MONGODB_URI: servers.MONGODB_URI }, 'ZEEBE_ADDRESS'],
  [servers, 'PUBLIC_URL'],
  [{ ...servers, PUBLIC_URL: 'motcua.example.vn' }, 'PUBLIC_URL'],
])('with %j stops with one line naming %s', (env, variable) => {
  const result = runWorkers(env);
  expect(result.status).toBe(1);
  expect(result.stderr.trim()).toMatch(new RegExp(`^Invalid configuration: ${variable} [^\\n]+$`));
});
