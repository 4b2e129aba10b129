// What the job workers share: the engine (to publish inter-agency messages), the mailer, and the public URL
// the applicant's links point to.
import type { EngineClient } from '../server/engine/engine-client';
import type { Logger } from '../server/logger';
import type { Mailer } from './notifications';

export interface WorkerDeps {
  engine: Pick<EngineClient, 'publishMessage' | 'zeebe'>;
  mailer: Mailer;
  logger: Logger;
  /** Base URL of the web app, e.g. http://localhost:3000. */
  publicUrl: string;
}
