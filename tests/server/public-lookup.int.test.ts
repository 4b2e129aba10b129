// The citizen's public status lookup: dossier code plus the receipt secret, no sign-in, nothing beyond what
// the receipt holds, the same answer for a wrong secret and an unknown code, and a rate limit.
import { ApiClient } from './support/api-client';
import { counterSubmission, publishBirthRegistration } from './support/fixtures';
import { storeCounts } from './support/store-snapshot';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
let code: string;
let secret: string;
const citizen = () => new ApiClient(() => system.url);

beforeAll(async () => {
  system = await startTestSystem();
  await publishBirthRegistration();
  const officer = new ApiClient(() => system.url);
  await officer.login('tiepnhan.hoankiem', system.logins['tiepnhan.hoankiem']!.password);
  const submitted = await officer.post('/api/dossiers', counterSubmission());
  code = submitted.body.dossier.code;
  secret = submitted.body.receiptSecret;
});
afterAll(() => system.close());

it('shows the status to whoever holds the code and the secret, however they type the secret', async () => {
  const typed = `${secret.slice(0, 5).toLowerCase()}-${secret.slice(5)}`;
  const response = await citizen().post('/api/public/dossier-status', { code, secret: typed });
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({
    code,
    procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
    applicantName: 'N***** V** A*',
    status: { code: 1, label: 'Mới đăng ký' },
    overdue: false,
  });
  const text = JSON.stringify(response.body);
  for (const personal of ['001099012345', '0912345678', 'Nguyễn Văn An', 'Nguyễn Minh Khôi', 'tiepnhan']) {
    expect(text).not.toContain(personal);
  }
});

it('answers a wrong secret exactly like an unknown code, and writes nothing', async () => {
  const before = await storeCounts();
  const wrongSecret = await citizen().post('/api/public/dossier-status', { code, secret: 'AAAAAAAAAA' });
  const unknownCode = await citizen().post('/api/public/dossier-status', {
    code: code.replace(/\d{4}$/, '9999'),
    secret,
  });
  expect(wrongSecret.status).toBe(404);
  expect(unknownCode.status).toBe(404);
  expect(wrongSecret.body).toEqual(unknownCode.body);
  expect(await storeCounts()).toEqual(before);
});

it('refuses a malformed code with the field path', async () => {
  const response = await citizen().post('/api/public/dossier-status', { code: 'HS-1', secret });
  expect(response.status).toBe(400);
  expect(response.body.error.fields).toEqual([
    { path: 'code', message: 'Mã hồ sơ không đúng định dạng quốc gia' },
  ]);
});

it('rate-limits guessing', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 32; i++) {
    statuses.push(
      (await citizen().post('/api/public/dossier-status', { code, secret: `WRONG${i}XXXX` })).status,
    );
  }
  expect(statuses).toContain(429);
  expect((await citizen().post('/api/public/dossier-status', { code, secret })).status).toBe(429);
});
