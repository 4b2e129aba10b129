// A child process for the crash tests, on the test's store and engine: the API (`CRASH_ROLE=api`, prints its URL)
// or one pending-process and audit sweep of a worker (`CRASH_ROLE=sweep`), with the step-boundary seam killing
// it with SIGKILL at `CRASH_AT` (or, with `CRASH_MODE=throw`, failing there as a store outage would).
import { loadConfig } from '../../server/config/load-config';
import { drainPendingAudits } from '../../server/domain/dossier-audit-outbox';
import { startPendingProcesses } from '../../server/domain/dossier-process';
import type { CrashPoint } from '../../server/domain/step-boundaries';
import { createEngineClient } from '../../server/engine/engine-client';
import { createLogger } from '../../server/config/logger';
import { connectStore } from '../../server/models/connect-store';
import { startServer } from '../../server/main';

const { CRASH_ROLE, CRASH_AT, CRASH_MODE, MONGODB_URI, ZEEBE_ADDRESS, DATA_DIR } = process.env;

const crashPoint: CrashPoint = (boundary) => {
  if (boundary !== CRASH_AT) return;
  if (CRASH_MODE === 'throw') throw new Error(`store unavailable at ${boundary}`);
  process.kill(process.pid, 'SIGKILL');
};

async function main() {
  const config = loadConfig({ PORT: '0', DATA_DIR: DATA_DIR!, LOG_LEVEL: 'error', RESPONSE_CHECK: 'reject' });
  const logger = createLogger(config.logLevel);
  await connectStore(MONGODB_URI!);
  const engine = createEngineClient(ZEEBE_ADDRESS!, { secure: false });
  if (CRASH_ROLE === 'api') {
    const server = await startServer({ config, logger, engine, crashPoint });
    process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
    return;
  }
  await startPendingProcesses(engine, logger, 0, crashPoint);
  await drainPendingAudits(0, crashPoint);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
