// Configuration from environment variables: defaults, one clear error naming the variable, and the settings
// the "Running at scale" compose file uses (deploy/motcua.settings) accepted as they are.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/config/load-config';

function parseEnvFile(file: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) env[match[1]!] = match[2]!.replace(/^"(.*)"$/, '$1');
  }
  return env;
}

const errorOf = (env: Record<string, string>) => {
  try {
    loadConfig(env, '/srv/motcua');
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('runs on defaults: embedded store and engine, port 3000, ./data', () => {
    const config = loadConfig({}, '/srv/motcua');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/motcua/data',
      logLevel: 'info',
      zeebeOAuth: false,
      mailCatcher: true,
      workers: true,
    });
    expect(config.mongodbUri).toBeUndefined();
    expect(config.zeebeAddress).toBeUndefined();
    expect(config.sessionSecret).toBeUndefined();
    expect(config.loginThrottle).toEqual({
      accountFreeFailures: 10,
      addressFreeFailures: 50,
      baseDelaySeconds: 2,
      maxDelaySeconds: 300,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI'],
    [{ ZEEBE_ADDRESS: 'zeebe' }, 'ZEEBE_ADDRESS'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ PUBLIC_URL: 'dichvucong.hanoi.gov.vn' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'ftp://dichvucong.hanoi.gov.vn' }, 'PUBLIC_URL'],
    [{ LOGIN_ADDRESS_RATE_LIMIT: '0' }, 'LOGIN_ADDRESS_RATE_LIMIT'],
    [{ LOGIN_DELAY_SECONDS: '10', LOGIN_MAX_DELAY_SECONDS: '5' }, 'LOGIN_MAX_DELAY_SECONDS'],
    [{ SMTP_PORT: '25' }, 'SMTP_HOST'],
    [{ SMTP_HOST: 'mail', SMTP_FROM: 'not-an-address' }, 'SMTP_FROM'],
    [{ MAIL_CATCHER: 'maybe' }, 'MAIL_CATCHER'],
    [{ WORKERS: 'separate' }, 'WORKERS'],
    [{ RESPONSE_CHECK: 'strict' }, 'RESPONSE_CHECK'],
    [{ ZEEBE_ADDRESS: 'z:26500', ZEEBE_CLIENT_ID: 'id' }, 'ZEEBE_CLIENT_SECRET'],
    [
      { ZEEBE_ADDRESS: 'z:26500', ZEEBE_CLIENT_ID: 'id', ZEEBE_CLIENT_SECRET: 's' },
      'ZEEBE_AUTHORIZATION_SERVER_URL',
    ],
  ])('stops on %j with one line naming %s', (env, variable) => {
    const error = errorOf(env as Record<string, string>);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect(error.message).not.toContain('\n');
  });

  it('switches the development mail catcher off with MAIL_CATCHER=off', () => {
    expect(loadConfig({ MAIL_CATCHER: 'off' }, '/srv/motcua').mailCatcher).toBe(false);
    expect(loadConfig({ MAIL_CATCHER: 'on' }, '/srv/motcua').mailCatcher).toBe(true);
  });

  it('leaves the job workers to their own processes with WORKERS=off', () => {
    expect(loadConfig({ WORKERS: 'off' }, '/srv/motcua').workers).toBe(false);
    expect(loadConfig({ WORKERS: 'on' }, '/srv/motcua').workers).toBe(true);
  });

  it('checks answers against their schemas on the one-machine store, not with MONGODB_URI, unless told', () => {
    expect(loadConfig({}, '/srv/motcua').responseCheck).toBe('log');
    expect(loadConfig({ MONGODB_URI: 'mongodb://db:27017/motcua' }, '/srv').responseCheck).toBe('off');
    expect(loadConfig({ RESPONSE_CHECK: 'reject' }, '/srv/motcua').responseCheck).toBe('reject');
    expect(
      loadConfig({ MONGODB_URI: 'mongodb://db:27017/motcua', RESPONSE_CHECK: 'log' }, '/srv').responseCheck,
    ).toBe('log');
  });

  it('accepts the settings of the Running-at-scale compose file', () => {
    const env = parseEnvFile(path.join(__dirname, '../../deploy/motcua.settings'));
    // compose passes the secrets from the shell that runs it, the store's connection string among them.
    const compose = readFileSync(path.join(__dirname, '../../deploy/compose.yaml'), 'utf8');
    const uri = /MONGODB_URI: '([^']+)'/.exec(compose)![1]!.replace(/\$\{MONGO_PASSWORD:\?[^}]*\}/, 'a1b2c3');
    const config = loadConfig(
      { ...env, SESSION_SECRET: 'x'.repeat(48), ZEEBE_CLIENT_SECRET: 's3cret', MONGODB_URI: uri },
      '/srv/motcua',
    );
    expect(config.mongodbUri).toMatch(
      /^mongodb:\/\/motcua:a1b2c3@mongo1:27017,mongo2:27017,mongo3:27017\/motcua\?replicaSet=rs0.*&authSource=admin$/,
    );
    expect(config.zeebeAddress).toBe('zeebe:26500');
    expect(config.zeebeOAuth).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.trustProxy).toBe(1);
    expect(config.dataDir).toBe('/var/lib/motcua');
    expect(config.publicUrl).toBe('https://dichvucong.hanoi.example');
    expect(config.responseCheck).toBe('off');
  });

  it('keeps the public address without a trailing slash, for the links in e-mails', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://motcua.example.vn/' }, '/srv').publicUrl).toBe(
      'https://motcua.example.vn',
    );
    expect(loadConfig({ PUBLIC_URL: 'https://example.vn/motcua/' }, '/srv').publicUrl).toBe(
      'https://example.vn/motcua',
    );
  });

  it('is the file the compose services load, with the secrets taken from the shell', () => {
    const compose = readFileSync(path.join(__dirname, '../../deploy/compose.yaml'), 'utf8');
    expect(compose).toContain('env_file: motcua.settings');
    expect(compose).toMatch(/SESSION_SECRET: \$\{SESSION_SECRET:\?/);
    expect(compose).toMatch(/ZEEBE_CLIENT_SECRET: \$\{ZEEBE_CLIENT_SECRET:\?/);
    // MongoDB with authentication: a root user, the members' keyFile, the password only from the shell.
    expect(compose).toMatch(/MONGODB_URI: 'mongodb:\/\/motcua:\$\{MONGO_PASSWORD:\?/);
    expect(compose).toMatch(/MONGO_INITDB_ROOT_PASSWORD: \$\{MONGO_PASSWORD:\?/);
    expect(compose).toContain("'--keyFile', '/keyfile/key'");
    expect(compose).toMatch(/image: camunda\/zeebe:8\.3\.\d+/);
    expect(compose).toMatch(/image: mongo:7/);
    const env = parseEnvFile(path.join(__dirname, '../../deploy/motcua.settings'));
    expect(Object.keys(env)).not.toEqual(expect.arrayContaining(['SESSION_SECRET']));
    expect(Object.keys(env)).not.toEqual(expect.arrayContaining(['ZEEBE_CLIENT_SECRET']));
    expect(Object.keys(env)).not.toEqual(expect.arrayContaining(['MONGODB_URI']));
  });
});
