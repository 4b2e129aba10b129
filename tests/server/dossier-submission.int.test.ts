// Submitting dossiers through HTTP: national code from the atomic daily counter, receipt secret stored hashed,
// idempotent retries, and bad input answered 400 with the field path and nothing written.
import { DossierModel } from '../../server/models/Dossier';
import { receiptDay } from '../../server/domain/dossier-code';
import { ApiClient, type ApiResponse } from './support/api-client';
import { counterSubmission, publishBirthRegistration } from './support/fixtures';
import { storeCounts } from './support/store-snapshot';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
let officer: ApiClient;
let officerEn: ApiClient;

beforeAll(async () => {
  system = await startTestSystem();
  await publishBirthRegistration();
  officer = new ApiClient(() => system.url);
  await officer.login('tiepnhan.hoankiem', system.logins['tiepnhan.hoankiem']!.password);
  officerEn = new ApiClient(() => system.url, 'en');
  await officerEn.login('tiepnhan.hoankiem', system.logins['tiepnhan.hoankiem']!.password);
});
afterAll(() => system.close());

describe('a counter submission', () => {
  it('gets a national code of the receiving centre and today, status 1, and a receipt secret stored only as a hash', async () => {
    const response = await officer.post('/api/dossiers', counterSubmission({ queueTicket: 'A-017' }));
    expect(response.status).toBe(201);
    const { dossier, receiptSecret } = response.body;
    expect(dossier.code).toMatch(new RegExp(`^001\\.00\\.31\\.H26-${receiptDay(new Date())}-\\d{4}$`));
    expect(dossier.status).toMatchObject({ code: 1, label: 'Mới đăng ký' });
    expect(dossier.overdue).toBe(false);
    expect(dossier.procedure).toMatchObject({
      code: '1.001193',
      version: 1,
      timeLimit: { value: 1, unit: 'working-days' },
    });
    expect(dossier.fees).toEqual([{ name: 'Lệ phí đăng ký khai sinh', amount: 0, collectAt: 'intake' }]);
    expect(dossier.timeline).toEqual([
      expect.objectContaining({
        action: 'dossier.submitted',
        status: 1,
        agencyCode: '001.00.31.H26',
        actor: expect.objectContaining({ username: 'tiepnhan.hoankiem' }),
      }),
    ]);
    expect(dossier.receiptSecretHash).toBeUndefined();
    expect(receiptSecret).toMatch(/^[A-Z2-9]{10}$/);

    const stored = await DossierModel.findOne({ code: dossier.code }).lean();
    expect(stored!.receiptSecretHash).toMatch(/^\$2[aby]\$/);
    expect(JSON.stringify(stored)).not.toContain(receiptSecret);
    expect(stored!.visibleToAgencies.map(String)).toEqual([String(stored!.receivingAgency)]);
    expect(stored!.queueTicket).toBe('A-017');
  });

  it('numbers concurrent submissions of one agency and day without gaps or repeats', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => officer.post('/api/dossiers', counterSubmission())),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
    const sequences = responses.map((r) => Number(r.body.dossier.code.slice(-4))).sort((a, b) => a - b);
    expect(new Set(sequences).size).toBe(8);
    expect(sequences[7]! - sequences[0]!).toBe(7);
  });

  it('creates one dossier for a retried request with the same idempotency key', async () => {
    const body = counterSubmission({ idempotencyKey: 'quay-3:2025-07-01:0001' });
    const first = await officer.post('/api/dossiers', body);
    const retry = await officer.post('/api/dossiers', body);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body.dossier.code).toBe(first.body.dossier.code);
    expect(await DossierModel.countDocuments({ code: first.body.dossier.code })).toBe(1);
    // Only the hash of the first secret was kept, so the retry answers with a fresh one that now opens the lookup.
    const lookup = await new ApiClient(() => system.url).post('/api/public/dossier-status', {
      code: first.body.dossier.code,
      secret: retry.body.receiptSecret,
    });
    expect(lookup.status).toBe(200);

    const misuse = await officer.post(
      '/api/dossiers',
      counterSubmission({
        idempotencyKey: 'quay-3:2025-07-01:0001',
        applicant: { name: 'Người khác', idNumber: '001099099999' },
      }),
    );
    expect(misuse.status).toBe(409);
    expect(misuse.body.error.code).toBe('idempotency_conflict');
  });

  it('concurrent copies of one retried request still make one dossier', async () => {
    const body = counterSubmission({ idempotencyKey: 'quay-3:dup-race-0001' });
    const responses = await Promise.all([
      officer.post('/api/dossiers', body),
      officer.post('/api/dossiers', body),
      officer.post('/api/dossiers', body),
    ]);
    expect(new Set(responses.map((r) => r.body.dossier.code)).size).toBe(1);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
  });
});

describe('bad input', () => {
  const cases: [string, (c: ApiClient) => Promise<ApiResponse>, number, string, RegExp?][] = [
    [
      'malformed JSON',
      (c) => c.request('POST', '/api/dossiers', undefined, { raw: '{"procedureCode": "1.001193",' }),
      400,
      '',
    ],
    [
      'an unknown top-level field',
      (c) => c.post('/api/dossiers', counterSubmission({ status: 10 })),
      400,
      'status',
      /không được phép/,
    ],
    [
      'an unknown nested field',
      (c) =>
        c.post(
          '/api/dossiers',
          counterSubmission({ applicant: { name: 'A', idNumber: '001099012345', role: 'x' } }),
        ),
      400,
      'applicant.role',
    ],
    [
      'a wrong type',
      (c) => c.post('/api/dossiers', counterSubmission({ documents: 'to-khai' })),
      400,
      'documents',
      /danh sách/,
    ],
    [
      'a CCCD of 11 digits',
      (c) =>
        c.post('/api/dossiers', counterSubmission({ applicant: { name: 'A', idNumber: '00109901234' } })),
      400,
      'applicant.idNumber',
      /12 chữ số/,
    ],
    [
      'a CCCD with letters',
      (c) =>
        c.post('/api/dossiers', counterSubmission({ applicant: { name: 'A', idNumber: '00109901234X' } })),
      400,
      'applicant.idNumber',
      /12 chữ số/,
    ],
    [
      'a CCCD given as a number',
      (c) => c.post('/api/dossiers', counterSubmission({ applicant: { name: 'A', idNumber: 1099012345 } })),
      400,
      'applicant.idNumber',
      /chuỗi/,
    ],
    [
      'a missing required field',
      (c) => c.post('/api/dossiers', { ...counterSubmission(), applicant: undefined }),
      400,
      'applicant',
      /Bắt buộc/,
    ],
    [
      'an oversized field',
      (c) =>
        c.post(
          '/api/dossiers',
          counterSubmission({ applicant: { name: 'A'.repeat(201), idNumber: '001099012345' } }),
        ),
      400,
      'applicant.name',
      /200 ký tự/,
    ],
    [
      'an unknown channel',
      (c) => c.post('/api/dossiers', counterSubmission({ channel: 'fax' })),
      400,
      'channel',
    ],
    [
      'an unknown dossier component',
      (c) => c.post('/api/dossiers', counterSubmission({ documents: [{ component: 'so-do' }] })),
      400,
      'documents[0].component',
    ],
    [
      'an unknown procedure',
      (c) => c.post('/api/dossiers', counterSubmission({ procedureCode: '1.999999' })),
      400,
      'procedureCode',
    ],
    // A counter declaration may be incomplete (paper), but it is still checked against the form's schema.
    [
      'a declaration key that pollutes prototypes',
      (c) =>
        c.post(
          '/api/dossiers',
          counterSubmission({ declaration: { data: JSON.parse('{"__proto__": {"isAdmin": true}}') } }),
        ),
      400,
      'declaration.data.__proto__',
      /__proto__/,
    ],
    [
      'a nested constructor key',
      (c) =>
        c.post(
          '/api/dossiers',
          counterSubmission({ declaration: { data: { child: { constructor: { prototype: {} } } } } }),
        ),
      400,
      'declaration.data.child.constructor',
    ],
    [
      'a $-prefixed declaration key',
      (c) =>
        c.post(
          '/api/dossiers',
          counterSubmission({ declaration: { data: { child: { fullName: 'An' }, $where: 'sleep(1000)' } } }),
        ),
      400,
      'declaration.data.$where',
      /\$/,
    ],
    [
      'a dotted declaration key',
      (c) =>
        c.post(
          '/api/dossiers',
          counterSubmission({ declaration: { data: { 'child.fullName': 'Nguyễn Minh Khôi' } } }),
        ),
      400,
      'declaration.data["child.fullName"]',
      /dấu chấm/,
    ],
    [
      'a field the form does not have',
      (c) =>
        c.post(
          '/api/dossiers',
          counterSubmission({
            declaration: { data: { child: { fullName: 'Nguyễn Minh Khôi', nickname: 'Bin' } } },
          }),
        ),
      400,
      'declaration.data.child',
      /nickname/,
    ],
    [
      'a declaration field of the wrong type',
      (c) =>
        c.post('/api/dossiers', counterSubmission({ declaration: { data: { child: { fullName: 12345 } } } })),
      400,
      'declaration.data.child.fullName',
    ],
    [
      'an oversized body',
      (c) =>
        c.post('/api/dossiers', counterSubmission({ declaration: { data: { note: 'x'.repeat(300_000) } } })),
      413,
      '',
    ],
  ];

  it.each(cases)(
    '%s: answered with the field path, nothing written',
    // Rest parameters: rows without a message must not make Jest read the last parameter as `done`.
    async (...row) => {
      const [, send, status, path, message] = row;
      const before = await storeCounts();
      const response = await send(officer);
      expect(response.status).toBe(status);
      expect(response.body.error.code).toMatch(/^(validation_failed|malformed_json|payload_too_large)$/);
      const paths = response.body.error.fields.map((f: { path: string }) => f.path);
      // An oversized body is refused before it is parsed: there is no field to name.
      if (status === 413) expect(paths).toEqual([]);
      else expect(paths).toContain(path);
      if (message)
        expect(response.body.error.fields.find((f: { path: string }) => f.path === path).message).toMatch(
          message,
        );
      expect(await storeCounts()).toEqual(before);
    },
  );

  it('takes a counter declaration with fields still missing (a paper declaration), as the form defines them', async () => {
    const response = await officer.post(
      '/api/dossiers',
      counterSubmission({ declaration: { data: { child: { fullName: 'Nguyễn Minh Khôi' } } } }),
    );
    expect(response.status).toBe(201);
    const stored = await DossierModel.findOne({ code: response.body.dossier.code }).lean();
    expect(stored!.declaration.data).toEqual({ child: { fullName: 'Nguyễn Minh Khôi' } });
  });

  it('speaks English with Accept-Language: en', async () => {
    const response = await officerEn.post(
      '/api/dossiers',
      counterSubmission({ applicant: { name: 'A', idNumber: '123' } }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      code: 'validation_failed',
      message: 'The request data is not valid',
      fields: [
        { path: 'applicant.idNumber', message: 'A personal ID (CCCD) number must be exactly 12 digits' },
      ],
    });
  });

  it('refuses a body that is not JSON', async () => {
    const response = await officer.request('POST', '/api/dossiers', undefined, {
      raw: 'procedureCode=1.001193',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
  });
});
