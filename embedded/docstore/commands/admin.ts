// Handshake and server-information commands. The store answers as a standalone mongod 7.0 would.
import type { Document } from 'bson';
import { CommandError } from '../errors';
import { scramMechanism } from '../auth/scram-sha256';
import { maxBsonObjectSize, maxMessageSizeBytes } from '../wire/codec';
import { helloAuthentication } from './authentication';
import type { CommandContext } from './context';

export const serverVersion = '7.0.0';

// No topologyVersion: with it the driver's monitor switches to the streaming (exhaust) hello protocol, which
// this store does not speak; without it the monitor polls, as it does against older servers.
export function helloCommand(context: CommandContext): Document {
  const legacy = 'isMaster' in context.command || 'ismaster' in context.command;
  return {
    helloOk: true,
    [legacy ? 'ismaster' : 'isWritablePrimary']: true,
    maxBsonObjectSize,
    maxMessageSizeBytes,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: context.connectionId,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ...helloAuthentication(context),
    ok: 1,
  };
}

export function buildInfoCommand(): Document {
  return {
    version: serverVersion,
    gitVersion: 'motcua-docstore',
    versionArray: [7, 0, 0, 0],
    bits: 64,
    debug: false,
    maxBsonObjectSize,
    storageEngines: ['motcua-journal'],
    javascriptEngine: 'none',
    modules: [],
    ok: 1,
  };
}

export function getParameterCommand(context: CommandContext): Document {
  const known: Document = {
    featureCompatibilityVersion: { version: '7.0' },
    authenticationMechanisms: [scramMechanism],
    maxBSONDepth: 100,
  };
  const asked = Object.keys(context.command).filter(
    (k) => k !== 'getParameter' && !k.startsWith('$') && k !== 'lsid',
  );
  if (context.command.getParameter === '*') return { ...known, ok: 1 };
  const result: Document = {};
  for (const name of asked) {
    if (!(name in known)) throw new CommandError('InvalidOptions', `no option found to get: ${name}`);
    result[name] = known[name];
  }
  return { ...result, ok: 1 };
}

export function serverStatusCommand(context: CommandContext): Document {
  return {
    host: 'localhost',
    version: serverVersion,
    process: 'motcua-docstore',
    pid: process.pid,
    uptime: Math.floor(process.uptime()),
    localTime: new Date(),
    connections: { current: context.store.connectionCount },
    ok: 1,
  };
}

export function transactionsUnsupported(): never {
  throw new CommandError(
    'IllegalOperation',
    'Transaction numbers are only allowed on a replica set member or mongos',
  );
}

export function connectionStatusCommand(context: CommandContext): Document {
  const user = context.auth.authenticatedAs;
  return {
    authInfo: {
      authenticatedUsers: user ? [{ user, db: 'admin' }] : [],
      authenticatedUserRoles: user ? [{ role: 'root', db: 'admin' }] : [],
    },
    ok: 1,
  };
}
