// The job workers: one per job type of processes/CONTRACT.md plus the user-task bridge, all on the engine
// client's zeebe-node connection, the dispatcher that sends the notification outbox's e-mails, the process's
// heartbeat (for /api/health) and the check for machine steps stalled past their budget. `npm start`
// calls startWorkers; at scale, run more processes of it (they compete for jobs and for outbox rows alike).
import type { Config } from '../server/config/load-config';
import type { EngineClient } from '../server/engine/engine-client';
import type { Logger } from '../server/config/logger';
import { closeWorker } from './close-worker';
import { registerJob, type JobDefinition } from './job-handler';
import type { FaultPolicy } from './infrastructure-fault';
import { deadlineJob } from './jobs/dossier-deadline';
import { feeJob } from './jobs/dossier-fee';
import { intakeJob } from './jobs/dossier-intake';
import { notifyJob } from './jobs/dossier-notify';
import { refuseJob } from './jobs/dossier-refuse';
import { scanJob } from './jobs/dossier-scan';
import { supplementJob } from './jobs/dossier-supplement';
import { transferJob } from './jobs/dossier-transfer';
import { resultReturnJob } from './jobs/result-return';
import { startNotificationDispatcher, type DispatchSchedule } from './notification-dispatcher';
import { createOutbox } from './notification-outbox';
import { startStallCheck } from './stall-check';
import { startUserTaskBridge } from './user-task-bridge';
import { startWorkerHeartbeat } from './worker-heartbeat';
import type { WorkerDeps } from './worker-deps';
import { startPendingProcesses } from '../server/domain/dossier-process';
import { drainPendingAudits } from '../server/domain/dossier-audit-outbox';

const PENDING_SWEEP_MS = 30_000;

export function jobDefinitions(deps: WorkerDeps): JobDefinition[] {
  return [
    intakeJob(deps),
    scanJob,
    deadlineJob(deps),
    supplementJob,
    refuseJob,
    feeJob,
    transferJob(deps),
    notifyJob(deps),
    resultReturnJob(deps),
  ];
}

export async function startWorkers(options: {
  engine: EngineClient;
  config: Config;
  logger: Logger;
  publicUrl?: string;
  /** The outbox's retry schedule (tests shorten it). */
  notificationSchedule?: Partial<DispatchSchedule>;
  /** The heartbeat's interval and the machine steps' budget (tests shorten them). */
  heartbeatMs?: number;
  stallCheck?: { budgetMs?: number; intervalMs?: number };
  /** How long a job may fail on an unreachable store or engine before it spends retries (tests shorten it). */
  faultPolicy?: FaultPolicy;
  /** The user-task bridge's lock (tests shorten it). */
  userTaskLockMs?: number;
}): Promise<{ close(): Promise<void> }> {
  const { engine, config, logger } = options;
  const dispatcher = config.smtp
    ? startNotificationDispatcher({
        smtp: config.smtp,
        logger,
        ...(options.notificationSchedule ? { schedule: options.notificationSchedule } : {}),
      })
    : undefined;
  if (!dispatcher) {
    logger.warn(
      'no mail server configured (SMTP_HOST unset): e-mails to applicants are kept in the outbox as not-configured, not sent',
    );
  }
  const deps: WorkerDeps = {
    engine,
    logger,
    outbox: createOutbox({ mailConfigured: Boolean(dispatcher), onQueued: () => dispatcher?.wake() }),
    publicUrl: options.publicUrl ?? `http://localhost:${config.port}`,
  };
  const workers = [
    ...jobDefinitions(deps).map((definition) =>
      registerJob(engine.zeebe, logger, definition, options.faultPolicy),
    ),
    startUserTaskBridge(engine.zeebe, logger, {
      ...(options.faultPolicy ? { faultPolicy: options.faultPolicy } : {}),
      ...(options.userTaskLockMs ? { lockMs: options.userTaskLockMs } : {}),
    }),
  ];
  // Dossiers stored while the engine was unreachable (or whose request died) get their process here, and the
  // audit records a dying request left on its dossier reach AuditEvent.
  const sweep = setInterval(() => {
    startPendingProcesses(engine, logger).catch((error: unknown) =>
      logger.warn('pending process sweep failed', { error: String(error) }),
    );
    drainPendingAudits().catch((error: unknown) =>
      logger.warn('pending audit sweep failed', { error: String(error) }),
    );
  }, PENDING_SWEEP_MS);
  sweep.unref();
  const heartbeat = startWorkerHeartbeat({
    logger,
    ...(options.heartbeatMs ? { intervalMs: options.heartbeatMs } : {}),
  });
  const stallCheck = startStallCheck({
    logger,
    instanceIsLive: (key) => engine.instanceIsLive(key),
    ...options.stallCheck,
  });
  return {
    async close() {
      clearInterval(sweep);
      await Promise.allSettled([
        ...workers.map((w) => closeWorker(w)),
        dispatcher?.close(),
        stallCheck.close(),
        heartbeat.close(),
      ]);
    },
  };
}
