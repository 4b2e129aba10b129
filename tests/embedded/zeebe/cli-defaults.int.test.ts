// The engine CLI started with no options but its ports: the gateway on loopback, no inspection API, and with
// --inspect-port the token written to DATA_DIR/inspect-token (0600) rather than printed.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'engine-cli-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** Starts the CLI, returns its first line of output, and stops it. */
function firstLine(args: string[]): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'embedded', 'zeebe', 'cli.ts'), '--port', '0', ...args],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { PATH: process.env.PATH } },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n') && child.exitCode === null && !child.killed) child.kill('SIGTERM');
    });
    child.once('exit', (code) =>
      out.includes('\n')
        ? resolve(out.split('\n')[0] as string)
        : reject(new Error(`engine exited with ${code}: ${out}`)),
    );
  });
}

test('by default the gateway listens on loopback and there is no inspection API', async () => {
  const line = await firstLine(['--data-dir', path.join(dataDir, 'default')]);
  expect(line).toMatch(/^Zeebe engine: gRPC 127\.0\.0\.1:\d+, inspection off, clock real$/);
});

test('with --inspect-port the token is in DATA_DIR/inspect-token (0600), not in the output', async () => {
  const engineDir = path.join(dataDir, 'inspected');
  const line = await firstLine(['--data-dir', engineDir, '--inspect-port', '0']);
  const tokenFile = path.join(engineDir, 'inspect-token');
  expect(line).toContain(`(token in ${tokenFile})`);
  const token = (await readFile(tokenFile, 'utf8')).trim();
  expect(token.length).toBeGreaterThanOrEqual(24);
  expect(line).not.toContain(token);
  expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
});
