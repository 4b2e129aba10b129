// The periodic check of every worker process for machine steps that made no progress past their budget (a
// service task whose job nobody works: no worker for its type, a job lost by the engine): such a dossier is
// marked stalled, shown "Đang chờ hệ thống", until it moves on; one whose process instance the engine no longer
// has is marked missing (same words, its own cause). Several processes may run it; a dossier is marked once.
import { markStalledDossiers, type InstanceProbe } from '../server/domain/process-incidents';
import type { Logger } from '../server/config/logger';

/** A machine step (intake, scan, deadline, transfer, return) takes seconds; this long without progress is stuck. */
export const MACHINE_STEP_BUDGET_MS = 15 * 60_000;
const CHECK_INTERVAL_MS = 60_000;

export function startStallCheck(options: {
  logger: Logger;
  instanceIsLive?: InstanceProbe;
  budgetMs?: number;
  intervalMs?: number;
}) {
  const budgetMs = options.budgetMs ?? MACHINE_STEP_BUDGET_MS;
  let running: Promise<void> | undefined;
  const check = () => {
    running ??= markStalledDossiers(budgetMs, new Date(), options.instanceIsLive)
      .then((codes) => {
        if (codes.length) options.logger.warn('machine steps stalled past their budget', { dossiers: codes });
      })
      .catch((error: unknown) => options.logger.warn('stall check failed', { error: String(error) }))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(check, options.intervalMs ?? CHECK_INTERVAL_MS);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
