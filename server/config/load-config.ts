// Reads the server's configuration from environment variables, applies defaults and validates every value;
// a wrong value throws a ConfigError naming the variable, so the start stops with one clear line.
import path from 'node:path';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/**
 * What the API does with an answer that does not match its operation's response schema (server/http/response-check.ts):
 * nothing, log it, or log it and answer 500 instead (the tests: the integration test that hit it fails).
 */
export type ResponseCheck = 'off' | 'log' | 'reject';
export const RESPONSE_CHECKS: readonly ResponseCheck[] = ['off', 'log', 'reject'];

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

/** Login throttling (server/auth/login-throttle.ts). */
export interface LoginThrottleSettings {
  /** Failures of one account, from any address, before each further one makes the next attempt wait. */
  accountFreeFailures: number;
  /** Failures from one address, on any account, before each further one makes the next attempt wait. */
  addressFreeFailures: number;
  /** The wait after the last free failure; it doubles with each failure after that. */
  baseDelaySeconds: number;
  /** The cap of the wait: short, so that a stranger's failures keep the owner out only this long. */
  maxDelaySeconds: number;
}

export interface Config {
  /** MongoDB connection string; unset ⇒ the embedded docstore is started under DATA_DIR. */
  mongodbUri?: string;
  /** Zeebe gateway `host:port`; unset ⇒ the embedded engine is started when it exists. */
  zeebeAddress?: string;
  /** True when zeebe-node will authenticate with OAuth (Camunda 8): its ZEEBE_CLIENT_* variables are set. */
  zeebeOAuth: boolean;
  host: string;
  port: number;
  dataDir: string;
  /** Unset ⇒ generated into DATA_DIR on first start (see session-secret.ts). */
  sessionSecret?: string;
  sessionTtlHours: number;
  loginThrottle: LoginThrottleSettings;
  /** Value for express's `trust proxy` (false, or the number of proxy hops in front of the server). */
  trustProxy: number | false;
  logLevel: LogLevel;
  smtp?: SmtpConfig;
  /** `npm start` without SMTP_HOST runs the development mail catcher unless MAIL_CATCHER=off. */
  mailCatcher: boolean;
  /** `npm start` runs the job workers in its own process unless WORKERS=off (workers run as `npm run workers`). */
  workers: boolean;
  /** Base URL citizens reach the web app at (links in e-mails); unset ⇒ the API's own address. */
  publicUrl?: string;
  /** RESPONSE_CHECK; unset ⇒ `log` on the one-machine embedded store (development), `off` with MONGODB_URI set. */
  responseCheck: ResponseCheck;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function present(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  if (/^(true|1|yes|on)$/i.test(raw)) return true;
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function mongodbUri(env: Env): string | undefined {
  const raw = present(env, 'MONGODB_URI');
  if (raw === undefined) return undefined;
  if (!/^mongodb(\+srv)?:\/\/[^/\s]+/.test(raw)) {
    throw new ConfigError('MONGODB_URI', 'must be a mongodb:// or mongodb+srv:// connection string');
  }
  return raw;
}

function zeebeAddress(env: Env): string | undefined {
  const raw = present(env, 'ZEEBE_ADDRESS');
  if (raw === undefined) return undefined;
  const match = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(raw);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 65535) {
    throw new ConfigError('ZEEBE_ADDRESS', `must be host:port, e.g. zeebe:26500 (got "${raw}")`);
  }
  return raw;
}

/** zeebe-node reads its OAuth variables itself; we only check they come as a usable set. */
function zeebeOAuth(env: Env): boolean {
  const clientId = present(env, 'ZEEBE_CLIENT_ID');
  const clientSecret = present(env, 'ZEEBE_CLIENT_SECRET');
  if (!clientId && !clientSecret) return false;
  if (!clientId) throw new ConfigError('ZEEBE_CLIENT_ID', 'must be set when ZEEBE_CLIENT_SECRET is set');
  if (!clientSecret) throw new ConfigError('ZEEBE_CLIENT_SECRET', 'must be set when ZEEBE_CLIENT_ID is set');
  const cloud = present(env, 'ZEEBE_CAMUNDA_CLOUD_CLUSTER_ID');
  const authUrl = present(env, 'ZEEBE_AUTHORIZATION_SERVER_URL');
  if (!cloud && !authUrl) {
    throw new ConfigError('ZEEBE_AUTHORIZATION_SERVER_URL', 'must be set when ZEEBE_CLIENT_ID is set');
  }
  if (authUrl && !/^https?:\/\/\S+$/.test(authUrl)) {
    throw new ConfigError('ZEEBE_AUTHORIZATION_SERVER_URL', `must be an http(s) URL (got "${authUrl}")`);
  }
  if (!cloud && !present(env, 'ZEEBE_TOKEN_AUDIENCE')) {
    throw new ConfigError('ZEEBE_TOKEN_AUDIENCE', 'must be set when ZEEBE_CLIENT_ID is set');
  }
  return true;
}

function logLevel(env: Env): LogLevel {
  const raw = present(env, 'LOG_LEVEL') ?? 'info';
  if (raw !== 'error' && raw !== 'warn' && raw !== 'info' && raw !== 'debug') {
    throw new ConfigError('LOG_LEVEL', `must be one of error, warn, info, debug (got "${raw}")`);
  }
  return raw;
}

function sessionSecret(env: Env): string | undefined {
  const raw = present(env, 'SESSION_SECRET');
  if (raw !== undefined && raw.length < 32) {
    throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters long');
  }
  return raw;
}

function host(env: Env): string {
  const raw = present(env, 'HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(raw))
    throw new ConfigError('HOST', `is not a host name or address (got "${raw}")`);
  return raw;
}

function trustProxy(env: Env): number | false {
  const raw = present(env, 'TRUST_PROXY');
  if (raw === undefined || /^(false|0)$/i.test(raw)) return false;
  return integer(env, 'TRUST_PROXY', 0, 1, 10);
}

function publicUrl(env: Env): string | undefined {
  const raw = present(env, 'PUBLIC_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'PUBLIC_URL',
      `must be an http(s) URL, e.g. https://dichvucong.example.vn (got "${raw}")`,
    );
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new ConfigError('PUBLIC_URL', `must be an http(s) URL without query or fragment (got "${raw}")`);
  }
  return url.href.replace(/\/+$/, '');
}

function responseCheck(env: Env, embeddedStore: boolean): ResponseCheck {
  const raw = present(env, 'RESPONSE_CHECK');
  if (raw === undefined) return embeddedStore ? 'log' : 'off';
  const value = RESPONSE_CHECKS.find((check) => check === raw);
  if (!value) throw new ConfigError('RESPONSE_CHECK', `must be one of off, log, reject (got "${raw}")`);
  return value;
}

function loginThrottle(env: Env): LoginThrottleSettings {
  const baseDelaySeconds = integer(env, 'LOGIN_DELAY_SECONDS', 2, 1, 3600);
  const maxDelaySeconds = integer(env, 'LOGIN_MAX_DELAY_SECONDS', 300, 1, 3600);
  if (maxDelaySeconds < baseDelaySeconds) {
    throw new ConfigError(
      'LOGIN_MAX_DELAY_SECONDS',
      `must not be less than LOGIN_DELAY_SECONDS (${baseDelaySeconds})`,
    );
  }
  return {
    accountFreeFailures: integer(env, 'LOGIN_RATE_LIMIT', 10, 1, 10000),
    addressFreeFailures: integer(env, 'LOGIN_ADDRESS_RATE_LIMIT', 50, 1, 100000),
    baseDelaySeconds,
    maxDelaySeconds,
  };
}

function smtp(env: Env): SmtpConfig | undefined {
  const smtpHost = present(env, 'SMTP_HOST');
  if (smtpHost === undefined) {
    for (const name of ['SMTP_PORT', 'SMTP_USER', 'SMTP_PASSWORD', 'SMTP_FROM', 'SMTP_SECURE']) {
      if (present(env, name) !== undefined)
        throw new ConfigError('SMTP_HOST', `must be set when ${name} is set`);
    }
    return undefined;
  }
  const secure = boolean(env, 'SMTP_SECURE', false);
  const from = present(env, 'SMTP_FROM');
  if (from === undefined || !/^[^@\s<>]+@[^@\s<>]+$|<[^@\s<>]+@[^@\s<>]+>$/.test(from)) {
    throw new ConfigError('SMTP_FROM', 'must be an e-mail address when SMTP_HOST is set');
  }
  const user = present(env, 'SMTP_USER');
  const password = present(env, 'SMTP_PASSWORD');
  if (user !== undefined && password === undefined) {
    throw new ConfigError('SMTP_PASSWORD', 'must be set when SMTP_USER is set');
  }
  return {
    host: smtpHost,
    port: integer(env, 'SMTP_PORT', secure ? 465 : 587, 1, 65535),
    secure,
    ...(user !== undefined ? { user, password } : {}),
    from,
  };
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const mongo = mongodbUri(env);
  const zeebe = zeebeAddress(env);
  const oauth = zeebeOAuth(env);
  if (oauth && !zeebe && !present(env, 'ZEEBE_CAMUNDA_CLOUD_CLUSTER_ID')) {
    throw new ConfigError('ZEEBE_ADDRESS', 'must be set when the ZEEBE_CLIENT_* OAuth variables are set');
  }
  const config: Config = {
    zeebeOAuth: oauth,
    host: host(env),
    port: integer(env, 'PORT', 3000, 0, 65535),
    dataDir: path.resolve(cwd, present(env, 'DATA_DIR') ?? 'data'),
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    loginThrottle: loginThrottle(env),
    trustProxy: trustProxy(env),
    logLevel: logLevel(env),
    mailCatcher: boolean(env, 'MAIL_CATCHER', true),
    workers: boolean(env, 'WORKERS', true),
    responseCheck: responseCheck(env, mongo === undefined),
  };
  if (mongo !== undefined) config.mongodbUri = mongo;
  if (zeebe !== undefined) config.zeebeAddress = zeebe;
  const secret = sessionSecret(env);
  if (secret !== undefined) config.sessionSecret = secret;
  const mail = smtp(env);
  if (mail !== undefined) config.smtp = mail;
  const site = publicUrl(env);
  if (site !== undefined) config.publicUrl = site;
  return config;
}
