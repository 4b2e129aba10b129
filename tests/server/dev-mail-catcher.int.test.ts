// The development mail catcher of `npm start` without SMTP_HOST: the outbox's dispatcher sends to the local
// SMTP sink, which keeps each message; admins read them at /api/dev/mail and /dev/mail; both are 404 when the
// catcher is not running.
import { Types } from 'mongoose';
import { startNotificationDispatcher } from '../../engine-worker/notification-dispatcher';
import { createOutbox } from '../../engine-worker/notification-outbox';
import { loadConfig } from '../../server/config/load-config';
import { startMailCatcher, type MailCatcher } from '../../server/dev/mail-catcher';
import { createLogger } from '../../server/config/logger';
import { startServer } from '../../server/main';
import type { Dossier } from '../../server/models/Dossier';
import { NotificationModel } from '../../server/models/Notification';
import { eventually } from '../engine-worker/lifecycle-system';
import { ApiClient } from './support/api-client';
import { startTestSystem, type TestSystem } from './support/test-system';

let system: TestSystem;
let catcher: MailCatcher;
const logger = createLogger('error');

beforeAll(async () => {
  system = await startTestSystem({ mailCatcher: true });
  catcher = await startMailCatcher(logger);
});
afterAll(async () => {
  await catcher.close();
  await system.close();
});

async function signedIn(username: string) {
  const client = new ApiClient(() => system.url);
  expect((await client.login(username, system.logins[username]!.password)).status).toBe(200);
  return client;
}

test('an e-mail the dispatcher sends to the catcher is listed for admins, decoded, and nobody else', async () => {
  const dispatcher = startNotificationDispatcher({ smtp: catcher.smtp, logger, schedule: { pollMs: 100 } });
  const outbox = createOutbox({ mailConfigured: true, onQueued: () => dispatcher.wake() });
  const dossier = {
    _id: new Types.ObjectId(),
    code: '001.00.31.H26-261202-0042',
    applicant: { name: 'Nguyễn Văn An', email: 'an.nguyen@example.vn' },
  } as unknown as Dossier;
  try {
    const subject = `Hồ sơ ${dossier.code} đã có kết quả`;
    const text = 'Kính gửi ông/bà Nguyễn Văn An,\n\nHồ sơ đã có kết quả. <Mời ông/bà nhận>';
    const queued = await outbox.enqueue({
      key: 'job-1:ready:mail',
      dossier,
      elementId: 'ResultReady',
      subject,
      text,
    });
    expect(queued).toBe('queued');
    await eventually('the row sent to the catcher', async () =>
      NotificationModel.exists({ key: 'job-1:ready:mail', state: 'sent' }),
    );

    const admin = await signedIn('quantri');
    const listed = await admin.get('/api/dev/mail');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({
      from: 'motcua@localhost',
      to: ['an.nguyen@example.vn'],
      subject,
      text,
      messageId: '<job-1.ready.mail@motcua>',
    });

    const page = await fetch(`${system.url}/dev/mail`, { headers: { cookie: admin.cookie! } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(subject);
    expect(html).toContain('&lt;Mời ông/bà nhận&gt;');

    const officer = await signedIn('tiepnhan.hoankiem');
    expect((await officer.get('/api/dev/mail')).status).toBe(403);
    expect((await new ApiClient(() => system.url).get('/api/dev/mail')).status).toBe(401);
    expect((await fetch(`${system.url}/dev/mail`, { headers: { cookie: officer.cookie! } })).status).toBe(
      403,
    );
    expect((await fetch(`${system.url}/dev/mail`)).status).toBe(401);
  } finally {
    await dispatcher.close();
  }
});

test('without the catcher, /api/dev/mail and /dev/mail are not there', async () => {
  const server = await startServer({
    config: loadConfig({ PORT: '0', DATA_DIR: system.dataDir, LOG_LEVEL: 'error', RESPONSE_CHECK: 'reject' }),
    logger,
  });
  try {
    const admin = new ApiClient(() => server.url);
    expect((await admin.login('quantri', system.logins.quantri!.password)).status).toBe(200);
    const listed = await admin.get('/api/dev/mail');
    expect(listed.status).toBe(404);
    expect(listed.body.error.code).toBe('not_found');
    expect((await fetch(`${server.url}/dev/mail`, { headers: { cookie: admin.cookie! } })).status).toBe(404);
  } finally {
    await server.close();
  }
});
