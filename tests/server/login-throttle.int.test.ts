// Login throttling through HTTP on two API servers sharing one store: failures counted per account across
// addresses and per address across accounts, a growing capped delay (Retry-After), the owner let in after it.
import { loadConfig } from '../../server/config/load-config';
import { createLogger } from '../../server/config/logger';
import { startServer, type RunningServer } from '../../server/main';
import { ApiClient, type ApiResponse } from './support/api-client';
import { startTestSystem, type TestSystem } from './support/test-system';

// Addresses are told by the proxy (TRUST_PROXY=1, X-Forwarded-For), so each test uses addresses of its own.
const env = {
  TRUST_PROXY: '1',
  LOGIN_RATE_LIMIT: '3',
  LOGIN_ADDRESS_RATE_LIMIT: '5',
  LOGIN_DELAY_SECONDS: '1',
  LOGIN_MAX_DELAY_SECONDS: '2',
};

let system: TestSystem;
let second: RunningServer;
const password = (username: string) => system.logins[username]!.password;

beforeAll(async () => {
  system = await startTestSystem({ env });
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: system.dataDir,
    LOG_LEVEL: 'error',
    RESPONSE_CHECK: 'reject',
    ...env,
  });
  second = await startServer({ config, logger: createLogger(config.logLevel) });
});
afterAll(async () => {
  await second.close();
  await system.close();
});

/** Signs in through one of the two API servers (0 or 1) as seen from `address`. */
function login(server: 0 | 1, address: string, username: string, secret: string): Promise<ApiResponse> {
  const client = new ApiClient(() => (server === 0 ? system.url : second.url));
  return client.request(
    'POST',
    '/api/auth/login',
    { username, password: secret },
    { headers: { 'x-forwarded-for': address } },
  );
}

const waitSeconds = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 100));

describe('login throttling', () => {
  it('counts an account’s failures across API servers and addresses, and refuses even the right password', async () => {
    const username = 'chuyenvien.hoankiem';
    expect((await login(0, '10.0.1.1', username, 'sai-1')).status).toBe(401);
    expect((await login(1, '10.0.1.2', username, 'sai-2')).status).toBe(401);
    expect((await login(0, '10.0.1.3', username, 'sai-3')).status).toBe(401);

    const refused = await login(1, '10.0.1.4', username, password(username));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.body.error).toEqual({
      code: 'too_many_requests',
      message: `Quá nhiều lần đăng nhập sai; hãy thử lại sau ${refused.headers.get('retry-after')} giây`,
      fields: [],
    });
  });

  it('slows one address spraying many accounts, without keeping those accounts’ owners out elsewhere', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await login((i % 2) as 0 | 1, '10.0.2.1', `khong-co-ai-${i}`, 'sai')).status).toBe(401);
    }
    const sprayer = await login(1, '10.0.2.1', 'lanhdao.hoankiem', password('lanhdao.hoankiem'));
    expect(sprayer.status).toBe(429);
    expect(sprayer.headers.get('retry-after')).toBe('1');
    // Each sprayed account took one failure only, and the owner signs in from their own address.
    expect((await login(0, '10.0.2.2', 'lanhdao.hoankiem', password('lanhdao.hoankiem'))).status).toBe(200);
    expect((await login(0, '10.0.2.2', 'khong-co-ai-0', 'sai')).status).toBe(401);
  });

  it('doubles the delay with each further failure up to the cap, and lets the owner in once it has passed', async () => {
    const username = 'tiepnhan.badinh';
    for (let i = 0; i < 3; i++) expect((await login(0, `10.0.3.${i}`, username, 'sai')).status).toBe(401);
    const first = await login(1, '10.0.3.10', username, password(username));
    expect(first.headers.get('retry-after')).toBe('1');

    await waitSeconds(1);
    expect((await login(1, '10.0.3.11', username, 'sai')).status).toBe(401);
    const doubled = await login(0, '10.0.3.12', username, password(username));
    expect(doubled.status).toBe(429);
    expect(doubled.headers.get('retry-after')).toBe('2');

    await waitSeconds(2);
    expect((await login(0, '10.0.3.13', username, 'sai')).status).toBe(401);
    const capped = await login(1, '10.0.3.14', username, password(username));
    expect(capped.headers.get('retry-after')).toBe('2');

    await waitSeconds(2);
    expect((await login(1, '10.0.3.15', username, password(username))).status).toBe(200);
    // The success reset the account's count: a typo afterwards is one free failure again.
    expect((await login(0, '10.0.3.16', username, 'sai')).status).toBe(401);
    expect((await login(0, '10.0.3.16', username, password(username))).status).toBe(200);
  });

  it('lets no more than the free tries and one more reach the password check when attempts come at once', async () => {
    const attempts = Array.from({ length: 12 }, (_, i) =>
      login((i % 2) as 0 | 1, `10.0.4.${i}`, 'chuyenvien.congan', `sai-${i}`),
    );
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(3);
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
  });
});
