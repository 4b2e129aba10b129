// Designed forms' validators are generated on the server and imported by the page (its CSP has no
// 'unsafe-eval'): over HTTP, a designer gets a module URL for a schema, the module validates as ajv does, a
// schema that does not compile is refused in Vietnamese, and other roles get nothing.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { getForm } from '../../forms/registry';
import * as keywordRuntime from '../../forms/validation/keyword-runtime';
import { createMotcuaAjv } from '../../forms/validation';
import { RUNTIME_MODULE } from '../../forms/validation/ajv';
import { declarationProblems } from '../../engine-worker/jobs/dossier-intake';
import { checkDeclaration } from '../../server/domain/declaration-check';
import { validBirthDeclaration } from '../forms/fixtures';
import { ApiClient } from '../server/support/api-client';
import { startTestSystem, type TestSystem } from '../server/support/test-system';

let system: TestSystem;
const designer = new ApiClient(() => system.url, 'vi');
const officer = new ApiClient(() => system.url, 'vi');
const form = getForm('to-khai-khai-sinh')!;
const requireFromForms = createRequire(require.resolve('../../forms/validation/ajv'));

beforeAll(async () => {
  system = await startTestSystem();
  for (const [client, username] of [
    [designer, 'thietke'],
    [officer, 'tiepnhan.hoankiem'],
  ] as const)
    expect((await client.login(username, system.logins[username]!.password)).status).toBe(200);
});

afterAll(() => system.close());

/** The served text as a module file, loaded the way Jest loads ES modules (transformed to CommonJS). */
async function loadServedModule(text: string) {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'form-validators-')), 'validators.mjs');
  await writeFile(file, text);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(file) as {
    default: (require: (s: string) => unknown) => Record<string, (data: unknown) => boolean>;
  };
  return module.default((s) => (s === RUNTIME_MODULE ? keywordRuntime : requireFromForms(s)));
}

test('the CSP of every response forbids eval', async () => {
  const response = await designer.get('/api/auth/session');
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).not.toContain('unsafe-eval');
});

test('a designer gets a validator module that validates the form as ajv does', async () => {
  const edited = {
    ...form.schema,
    properties: {
      ...(form.schema.properties as object),
      soDienThoaiKhac: { type: 'string', pattern: '^0\\d{9}$' },
    },
    required: [...(form.schema.required as string[]), 'soDienThoaiKhac'],
  };
  const created = await designer.post('/api/designer/form-validators', {
    schema: edited,
    uischema: form.uischema,
  });
  expect(created.status).toBe(201);
  expect(created.body.url).toMatch(/^\/api\/designer\/form-validators\/[a-f0-9]{64}\.js$/);

  const served = await designer.get(created.body.url);
  expect(served.status).toBe(200);
  expect(served.headers.get('content-type')).toMatch(/^text\/javascript/);
  expect(served.body).not.toMatch(/\beval\(|new Function/);
  const validators = await loadServedModule(served.body as string);
  const generated = Object.values(validators)[0] as ((data: unknown) => boolean) & { errors?: unknown[] };
  const reference = createMotcuaAjv().compile(edited);
  for (const data of [{}, { soDienThoaiKhac: '12' }, { soDienThoaiKhac: '0912345678' }]) {
    expect(generated(data)).toBe(reference(data));
    expect(generated.errors).toEqual(reference.errors);
  }
  expect(JSON.stringify(generated.errors)).toContain('soDienThoaiKhac');
  // Rule conditions of the UI schema come in the same module.
  expect(Object.keys(validators).length).toBeGreaterThan(1);
});

test('a schema that does not compile is refused in Vietnamese; unknown modules and other roles get nothing', async () => {
  const refused = await designer.post('/api/designer/form-validators', {
    schema: { type: 'object', properties: { a: { type: 'string', pattern: '(' } } },
    uischema: { type: 'VerticalLayout', elements: [] },
  });
  expect(refused.status).toBe(422);
  expect(refused.body.error.fields[0]).toEqual({
    path: 'schema',
    message: expect.stringMatching(/^Lược đồ tờ khai không biên dịch được: /),
  });
  expect((await designer.get(`/api/designer/form-validators/${'0'.repeat(64)}.js`)).status).toBe(404);
  const forbidden = await officer.post('/api/designer/form-validators', {
    schema: form.schema,
    uischema: form.uischema,
  });
  expect(forbidden.status).toBe(403);
});

test('an officer gets the validators of a saved form version, to render it at the counter', async () => {
  const saved = await designer.post('/api/designer/forms/to-khai-khai-sinh', {
    baseVersion: form.meta.version,
    title: { vi: 'Tờ khai đăng ký khai sinh' },
    schema: {
      ...form.schema,
      properties: { ...(form.schema.properties as object), soDienThoaiKhac: { type: 'string' } },
      required: [...(form.schema.required as string[]), 'soDienThoaiKhac'],
    },
    uischema: form.uischema,
  });
  expect(saved.status).toBe(201);
  const url = `/api/designer/forms/to-khai-khai-sinh/${saved.body.version}/validators.js`;
  const served = await officer.get(url);
  expect(served.status).toBe(200);
  expect(served.headers.get('content-type')).toMatch(/^text\/javascript/);
  const validators = await loadServedModule(served.body as string);
  const schemaValidator = Object.values(validators)[0] as ((data: unknown) => boolean) & {
    errors?: unknown[];
  };
  expect(schemaValidator({})).toBe(false);
  expect(JSON.stringify(schemaValidator.errors)).toContain('soDienThoaiKhac');
  expect((await officer.get('/api/designer/forms/to-khai-khai-sinh/9.9-d99/validators.js')).status).toBe(404);
});

test('a designed form version is what the intake worker and the online check validate against', async () => {
  const saved = await designer.post('/api/designer/forms/to-khai-khai-sinh', {
    baseVersion: form.meta.version,
    title: { vi: 'Tờ khai đăng ký khai sinh' },
    schema: {
      ...form.schema,
      properties: { ...(form.schema.properties as object), soTheBhyt: { type: 'string', minLength: 10 } },
      required: [...(form.schema.required as string[]), 'soTheBhyt'],
    },
    uischema: form.uischema,
  });
  expect(saved.status).toBe(201);
  const formRef = { formId: 'to-khai-khai-sinh', formVersion: saved.body.version as string };
  const complete = validBirthDeclaration();

  // Before, both looked only in the bundle: the worker answered "form not found", the online check skipped.
  const missing = await declarationProblems({ declaration: { ...formRef, data: complete } });
  expect(missing).toHaveLength(1);
  expect(missing[0]).toMatch(/soTheBhyt|thẻ|bắt buộc/i);
  await expect(checkDeclaration(formRef, complete, { complete: true })).rejects.toMatchObject({
    status: 400,
  });

  const filled = { ...complete, soTheBhyt: '0123456789' };
  expect(await declarationProblems({ declaration: { ...formRef, data: filled } })).toEqual([]);
  await expect(checkDeclaration(formRef, filled, { complete: true })).resolves.toBeUndefined();

  // A version that does not exist is refused, naming it, instead of being skipped.
  await expect(
    checkDeclaration({ formId: 'to-khai-khai-sinh', formVersion: '9.9-d99' }, filled, { complete: true }),
  ).rejects.toMatchObject({ status: 422 });
});
