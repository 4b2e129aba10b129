// Who may use the inspection API, which shows every instance's variables and moves the controlled clock: it
// is off unless asked for; when on, a request needs the engine's token (401 without it) and a loopback Host
// (403 for any other name, as a page on a rebound DNS name would send).
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEngine, type RunningEngine } from '../../../embedded/zeebe';
import { inspectFetch, inspectionOf, inspectJson } from './inspect-client';

let dataDir: string;
let engine: RunningEngine;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'engine-inspection-'));
  engine = await startEngine({
    port: 0,
    inspectPort: 0,
    dataDir: path.join(dataDir, 'on'),
    clock: 'controlled',
  });
});

afterAll(async () => {
  await engine.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A raw request, so the Host header can be anything. */
function request(
  urlPath: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; body: string }> {
  const { port } = inspectionOf(engine);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? JSON.stringify({ ms: 3_600_000 }) : undefined);
  });
}

test('an engine started without inspectPort starts no inspection API', async () => {
  const createServer = jest.spyOn(http, 'createServer');
  const quiet = await startEngine({ port: 0, dataDir: path.join(dataDir, 'off') });
  try {
    expect(createServer).not.toHaveBeenCalled();
    expect(quiet.inspection).toBeUndefined();
  } finally {
    createServer.mockRestore();
    await quiet.close();
  }
});

test('with its token the inspection API answers', async () => {
  const clock = await inspectJson<{ mode: string }>(inspectionOf(engine), '/clock');
  expect(clock.mode).toBe('controlled');
  expect((await inspectFetch(inspectionOf(engine), '/process-instances')).status).toBe(200);
});

test('without the token, or with a wrong one, it answers 401 and the clock does not move', async () => {
  const { token } = inspectionOf(engine);
  const before = await inspectJson<{ now: number }>(inspectionOf(engine), '/clock');
  for (const headers of [
    {} as Record<string, string>,
    { authorization: 'Bearer wrong-token' },
    { authorization: `Bearer ${token}x` },
    { authorization: token },
  ]) {
    expect((await request('/process-instances', headers)).status).toBe(401);
    expect(
      (await request('/clock/advance', { ...headers, 'content-type': 'application/json' }, 'POST')).status,
    ).toBe(401);
  }
  expect((await inspectJson<{ now: number }>(inspectionOf(engine), '/clock')).now).toBe(before.now);
});

test('a Host that is not loopback is refused with 403, even with the token', async () => {
  const { token, port } = inspectionOf(engine);
  const authorization = `Bearer ${token}`;
  for (const host of [`rebind.example.com:${port}`, 'rebind.example.com', `127.0.0.1.nip.io:${port}`]) {
    expect((await request('/process-instances', { host, authorization })).status).toBe(403);
  }
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
    expect((await request('/process-instances', { host, authorization })).status).toBe(200);
  }
});
