// Impossible dates, hostile names and undecodable bodies over HTTP: each refused with 400 naming the field and
// nothing written; a bad holiday row already in the store (as an old version could write) no longer breaks the
// inbox; a decomposed name is stored composed (NFC).
import { gzipSync } from 'node:zlib';
import { DossierModel } from '../../server/models/Dossier';
import { HolidayModel } from '../../server/models/Holiday';
import { UserModel } from '../../server/models/User';
import { ApiClient } from './support/api-client';
import { counterSubmission, publishBirthRegistration } from './support/fixtures';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
const as: Record<string, ApiClient> = {};

beforeAll(async () => {
  system = await startTestSystem();
  await publishBirthRegistration();
  for (const username of ['quantri', 'tiepnhan.hoankiem', 'chuyenvien.hoankiem', 'lanhdao.hoankiem']) {
    as[username] = new ApiClient(() => system.url);
    expect((await as[username]!.login(username, system.logins[username]!.password)).status).toBe(200);
  }
});
afterAll(() => system.close());

const admin = () => as.quantri!;
const counter = () => as['tiepnhan.hoankiem']!;
const dateMessage = 'Phải là một ngày có thật, dạng YYYY-MM-DD (ví dụ 2026-02-28)';

describe('impossible dates', () => {
  it.each(['2027-02-31', '2026-02-29', '2026-13-01'])(
    'POST /api/holidays with %s: 400 naming date',
    async (date) => {
      const response = await admin().post('/api/holidays', { date, kind: 'day-off', name: 'Ngày nghỉ' });
      expect(response.status).toBe(400);
      expect(response.body.error.fields).toEqual([{ path: 'date', message: dateMessage }]);
      expect(await HolidayModel.countDocuments({ date })).toBe(0);
    },
  );

  it('a real 29 February is a day', async () => {
    const response = await admin().post('/api/holidays', {
      date: '2028-02-29',
      kind: 'day-off',
      name: 'Nghỉ',
    });
    expect(response.status).toBe(201);
    expect((await admin().delete('/api/holidays/2028-02-29')).status).toBe(204);
  });

  it.each([
    ['tiepnhan.hoankiem', '/api/dossiers?from=2026-02-31', 'from'],
    ['tiepnhan.hoankiem', '/api/dossiers?to=2026-02-29', 'to'],
    ['lanhdao.hoankiem', '/api/statistics?from=2026-02-31&to=2026-03-31', 'from'],
    ['lanhdao.hoankiem', '/api/statistics.csv?from=2026-01-01&to=2026-13-01', 'to'],
    ['tiepnhan.hoankiem', '/api/dossier-log-book.pdf?from=2026-02-31&to=2026-03-31', 'from'],
    ['tiepnhan.hoankiem', '/api/dossier-log-book.pdf?from=2026-02-01&to=2026-02-29', 'to'],
  ])('%s GET %s: 400 naming %s', async (username, path, field) => {
    const response = await as[username]!.get(path);
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual([{ path: field, message: dateMessage }]);
  });

  it('a bad holiday row already in the store: the inbox still answers, one error line, and the row can be removed', async () => {
    // Written around mongoose's validation, as the regex-only check of an older version let through.
    await HolidayModel.collection.insertOne({
      date: '2027-02-31',
      kind: 'day-off',
      name: 'Ngày không có thật',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const lines: string[] = [];
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      for (let i = 0; i < 3; i++)
        expect((await as['chuyenvien.hoankiem']!.get('/api/tasks')).status).toBe(200);
    } finally {
      stderr.mockRestore();
    }
    const skipped = lines.filter((l) => l.includes('holiday entry skipped by the working calendar'));
    expect(skipped).toHaveLength(1);
    expect(JSON.parse(skipped[0]!)).toMatchObject({ level: 'error', date: '2027-02-31' });

    const listed = await admin().get('/api/holidays?year=2027');
    expect(listed.body.items).toEqual([{ date: '2027-02-31', kind: 'day-off', name: 'Ngày không có thật' }]);
    expect((await admin().delete('/api/holidays/2027-02-31')).status).toBe(204);
    expect(await HolidayModel.countDocuments({ date: '2027-02-31' })).toBe(0);
  });
});

describe('names', () => {
  it.each([
    ['NUL', 'Nguyễn\u0000Văn An'],
    ['a right-to-left override', 'Nguyễn \u202Ena váV'],
    ['zero-width characters only', '\u200B\u200D\uFEFF'],
    ['whitespace only', '   \u00A0 '],
    ['200 stacked combining marks', `A${'\u0300'.repeat(200)}`],
  ])('a name with %s: 400 naming the field, nothing written', async (_what, name) => {
    const dossiers = await DossierModel.countDocuments();
    const users = await UserModel.countDocuments();
    const filing = await counter().post(
      '/api/dossiers',
      counterSubmission({ applicant: { name, idNumber: '001099012345' } }),
    );
    expect(filing.status).toBe(400);
    expect(filing.body.error.fields.map((f: { path: string }) => f.path)).toContain('applicant.name');
    const document = await counter().post(
      '/api/dossiers',
      counterSubmission({ documents: [{ component: 'to-khai', name, original: true }] }),
    );
    expect(document.status).toBe(400);
    expect(document.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['documents[0].name']);
    const user = await admin().post('/api/users', {
      username: 'canbo.moi',
      displayName: name,
      roles: ['officer'],
      password: 'mat-khau-du-dai-123',
    });
    expect(user.status).toBe(400);
    expect(user.body.error.fields.map((f: { path: string }) => f.path)).toContain('displayName');
    const holiday = await admin().post('/api/holidays', { date: '2027-03-01', kind: 'day-off', name });
    expect(holiday.status).toBe(400);
    expect(holiday.body.error.fields.map((f: { path: string }) => f.path)).toContain('name');
    expect(await DossierModel.countDocuments()).toBe(dossiers);
    expect(await UserModel.countDocuments()).toBe(users);
    expect(await HolidayModel.countDocuments({ date: '2027-03-01' })).toBe(0);
  });

  it('a decomposed (NFD) name is stored composed (NFC)', async () => {
    const composed = 'Nguyễn Thị Hồng Nhung';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const filing = await counter().post(
      '/api/dossiers',
      counterSubmission({ applicant: { name: decomposed, idNumber: '001099012345' } }),
    );
    expect(filing.status).toBe(201);
    const stored = await DossierModel.findOne({ code: filing.body.dossier.code }).lean();
    expect(stored!.applicant.name).toBe(composed);

    const holiday = await admin().post('/api/holidays', {
      date: '2027-03-02',
      kind: 'day-off',
      name: 'Nghỉ bù Tết Đinh Mùi'.normalize('NFD'),
    });
    expect(holiday.status).toBe(201);
    expect((await HolidayModel.findOne({ date: '2027-03-02' }).lean())!.name).toBe('Nghỉ bù Tết Đinh Mùi');
  });
});

describe('compressed bodies', () => {
  const login = (body: string | Uint8Array<ArrayBuffer>, encoding: string) =>
    fetch(`${system.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': encoding },
      body,
    });
  const credentials = () =>
    JSON.stringify({ username: 'quantri', password: system.logins.quantri!.password });

  it.each(['gzip', 'deflate'])(
    'Content-Encoding: %s with a plain body: 400 in the error shape',
    async (encoding) => {
      const response = await login(credentials(), encoding);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: 'malformed_encoding',
          message: 'Nội dung gửi lên không giải nén được theo Content-Encoding đã khai',
          fields: [
            { path: '', message: 'Nội dung gửi lên không giải nén được theo Content-Encoding đã khai' },
          ],
        },
      });
    },
  );

  it('a real gzip body is still read', async () => {
    expect((await login(new Uint8Array(gzipSync(credentials())), 'gzip')).status).toBe(200);
  });
});
