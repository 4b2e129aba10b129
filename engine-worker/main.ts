// A job-worker process on its own (`npm run workers`): for running several beside the API at scale. Needs
// MONGODB_URI and ZEEBE_ADDRESS, since embedded servers belong to the single-machine start command.
import mongoose from 'mongoose';
import { ConfigError, loadConfig } from '../server/config/load-config';
import { createEngineClient } from '../server/engine/engine-client';
import { createLogger } from '../server/config/logger';
import { connectStore } from '../server/models/connect-store';
import { startWorkers } from './index';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.mongodbUri) throw new ConfigError('MONGODB_URI', 'must be set for a separate worker process');
  if (!config.zeebeAddress)
    throw new ConfigError('ZEEBE_ADDRESS', 'must be set for a separate worker process');
  // A worker process has no web server of its own to name: the links in its e-mails need the public address.
  if (!config.publicUrl) throw new ConfigError('PUBLIC_URL', 'must be set for a separate worker process');
  const logger = createLogger(config.logLevel);
  await connectStore(config.mongodbUri);
  const engine = createEngineClient(config.zeebeAddress);
  const workers = await startWorkers({ engine, config, logger, publicUrl: config.publicUrl });
  logger.info('job workers started', { engine: config.zeebeAddress });
  const stop = async () => {
    await workers.close();
    await engine.close();
    await mongoose.disconnect();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
