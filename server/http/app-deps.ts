// What the routes need from the running server, handed in once when the app is built.
import type { Config } from '../config/load-config';
import type { EngineClient } from '../engine/engine-client';
import type { Logger } from '../config/logger';
import type { SessionKeeper } from '../auth/sessions';
import type { CrashPoint } from '../domain/step-boundaries';

export interface AppDeps {
  config: Config;
  logger: Logger;
  sessions: SessionKeeper;
  /** Absent while no engine is configured or embedded. */
  engine?: EngineClient;
  /** Folder of the built web app, served with an SPA fallback when it exists. */
  webAppDir?: string;
  /** The development mail catcher runs (`npm start` without SMTP_HOST): /dev/mail lists what it received. */
  mailCatcher?: boolean;
  /** Test seam only: called at each step boundary of a submission (the crash tests kill the process there). */
  crashPoint?: CrashPoint;
}
