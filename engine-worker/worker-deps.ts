// What the job workers share: the engine (to publish inter-agency messages), the notification outbox, and the
// public URL the applicant's links point to.
import type { EngineClient } from '../server/engine/engine-client';
import type { Logger } from '../server/config/logger';
import type { Outbox } from './notification-outbox';

export interface WorkerDeps {
  engine: Pick<EngineClient, 'publishMessage' | 'zeebe'>;
  outbox: Outbox;
  logger: Logger;
  /** Base URL of the web app, e.g. http://localhost:3000. */
  publicUrl: string;
}
