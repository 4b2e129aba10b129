// E-mail is a side channel: a dossier with an e-mail address goes on to its return whether the mail server is
// missing, refusing or gone for good. Each message is an outbox row with its state, retried on its own
// schedule by the dispatchers of the worker processes, and sent once.
import { startNotificationDispatcher } from '../../engine-worker/notification-dispatcher';
import { DossierModel } from '../../server/models/Dossier';
import { NotificationModel } from '../../server/models/Notification';
import type { ApiClient } from '../server/support/api-client';
import { birthRegistrationFiling, openTask, signInAll } from './filings';
import {
  eventually,
  startLifecycleSystem,
  testNotificationSchedule,
  type LifecycleSystem,
} from './lifecycle-system';

let system: LifecycleSystem | undefined;
afterEach(async () => {
  await system?.close();
  system = undefined;
});

const stored = (code: string) => DossierModel.findOne({ code }).lean();
const outboxOf = (code: string) =>
  NotificationModel.find({ dossierCode: code }).sort({ createdAt: 1 }).lean();

/** Files a birth registration and takes it through review, signature and hand-over to status 10. */
async function fileAndReturn(running: LifecycleSystem, email: string) {
  const as: Record<string, ApiClient> = await signInAll(running, [
    'tiepnhan.hoankiem',
    'chuyenvien.hoankiem',
    'lanhdao.hoankiem',
  ]);
  const filed = await as['tiepnhan.hoankiem']!.post('/api/dossiers', birthRegistrationFiling({ email }));
  expect(filed.status).toBe(201);
  const code = filed.body.dossier.code as string;
  for (const [username, elementId] of [
    ['chuyenvien.hoankiem', 'Review'],
    ['lanhdao.hoankiem', 'Sign'],
  ] as const) {
    const task = await openTask(as[username]!, code, elementId);
    const done = await as[username]!.post(`/api/tasks/${task._id}/complete`, {
      variables: { decision: 'approve' },
    });
    expect(done.status).toBe(200);
  }
  // The return task opens only once result.return 'ready' completed: the e-mail did not hold it.
  const handOver = await openTask(as['tiepnhan.hoankiem']!, code, 'HandOverResult');
  expect((await stored(code))!.status).toBe(9);
  const handed = await as['tiepnhan.hoankiem']!.post(`/api/tasks/${handOver._id}/complete`, {
    variables: { decision: 'approve', returnChannel: 'counter', receivedBy: 'Nguyễn Văn An' },
  });
  expect(handed.status).toBe(200);
  const delivered = await eventually('result delivered', async () => {
    const d = await stored(code);
    return d?.status === 10 ? d : undefined;
  });
  return { code, delivered };
}

test('with no mail server configured, a dossier with an e-mail address reaches its return; the outbox says not-configured', async () => {
  system = await startLifecycleSystem({ mailServer: false });
  const { code } = await fileAndReturn(system, 'khong.smtp@example.vn');
  const rows = await eventually('both result e-mails recorded', async () => {
    const found = await outboxOf(code);
    return found.length === 2 ? found : undefined;
  });
  expect(rows.map((r) => r.subject)).toEqual([
    `Hồ sơ ${code} đã có kết quả`,
    `Hồ sơ ${code} đã trả kết quả: mời đánh giá`,
  ]);
  expect(rows.map((r) => [r.state, r.to, r.attempts])).toEqual([
    ['not-configured', 'khong.smtp@example.vn', 0],
    ['not-configured', 'khong.smtp@example.vn', 0],
  ]);
  expect(system.mails).toHaveLength(0);
});

test('a refusing mail server holds up nothing: the rows are retried on their schedule and each e-mail is sent once it accepts', async () => {
  system = await startLifecycleSystem();
  system.refuseMail(true);
  const { code } = await fileAndReturn(system, 'smtp.ban@example.vn');
  // Retried while refused: more than one attempt each, the server's answer kept, nothing received.
  const waiting = await eventually('both rows retried', async () => {
    const found = await outboxOf(code);
    return found.length === 2 && found.every((r) => r.attempts >= 2) ? found : undefined;
  });
  for (const row of waiting) {
    expect(row.state).toBe('pending');
    expect(row.lastError).toMatch(/451/);
    expect(row.nextAttemptAt).toBeInstanceOf(Date);
  }
  expect(system.mails).toHaveLength(0);
  expect((await stored(code))!.timeline.some((e) => e.action === 'notification.sent')).toBe(false);

  // A second worker process's dispatcher competes for the same rows once the server accepts.
  const rival = startNotificationDispatcher({
    smtp: system.config.smtp!,
    logger: system.logger,
    schedule: testNotificationSchedule,
  });
  try {
    system.refuseMail(false);
    const sent = await eventually('both rows sent', async () => {
      const found = await outboxOf(code);
      return found.every((r) => r.state === 'sent') ? found : undefined;
    });
    expect(sent.every((r) => r.sentAt instanceof Date && r.nextAttemptAt === undefined)).toBe(true);
  } finally {
    await rival.close();
  }
  const received = system.mails.filter((m) => m.to === 'smtp.ban@example.vn');
  expect(received).toHaveLength(2);
  const messageIds = received.map((m) => /^message-id:\s*(\S+)/im.exec(m.raw)?.[1]);
  expect(new Set(messageIds).size).toBe(2);
  const dossier = await eventually('sending recorded on the timeline', async () => {
    const d = await stored(code);
    return d?.timeline.filter((e) => e.action === 'notification.sent').length === 2 ? d : undefined;
  });
  expect(dossier.timeline.filter((e) => e.action === 'notification.sent').map((e) => e.elementId)).toEqual(
    expect.arrayContaining([expect.any(String), expect.any(String)]),
  );
});

test('a mail server that never accepts leaves the rows failed and visible, and the dossier returned', async () => {
  system = await startLifecycleSystem({ notificationSchedule: { maxAttempts: 3 } });
  system.refuseMail(true);
  const { code } = await fileAndReturn(system, 'smtp.hong@example.vn');
  const failed = await eventually('both rows failed', async () => {
    const found = await outboxOf(code);
    return found.length === 2 && found.every((r) => r.state === 'failed') ? found : undefined;
  });
  expect(failed.map((r) => r.attempts)).toEqual([3, 3]);
  expect(failed.every((r) => /451/.test(r.lastError ?? ''))).toBe(true);
  const dossier = await eventually('the failure on the timeline', async () => {
    const d = await stored(code);
    return d?.timeline.filter((e) => e.action === 'notification.failed').length === 2 ? d : undefined;
  });
  expect(dossier.status).toBe(10);
  expect(system.mails).toHaveLength(0);
});
