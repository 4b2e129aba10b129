// Routes a command document to its handler by its first key, as mongod does.
import type { Document } from 'bson';
import { openCommands } from '../auth/connection-auth';
import { CommandError } from '../errors';
import {
  buildInfoCommand,
  connectionStatusCommand,
  getParameterCommand,
  helloCommand,
  serverStatusCommand,
  transactionsUnsupported,
} from './admin';
import {
  createCommand,
  createIndexesCommand,
  dropCommand,
  dropDatabaseCommand,
  dropIndexesCommand,
  listCollectionsCommand,
  listDatabasesCommand,
  listIndexesCommand,
} from './catalog';
import { saslContinueCommand, saslStartCommand } from './authentication';
import type { CommandContext, CommandHandler } from './context';
import {
  aggregateCommand,
  countCommand,
  distinctCommand,
  findCommand,
  getMoreCommand,
  killCursorsCommand,
} from './read';
import { deleteCommand, findAndModifyCommand, insertCommand, updateCommand } from './write';

const ok: CommandHandler = () => ({ ok: 1 });

const handlers: Record<string, CommandHandler> = {
  hello: helloCommand,
  isMaster: helloCommand,
  ismaster: helloCommand,
  saslStart: saslStartCommand,
  saslContinue: saslContinueCommand,
  ping: ok,
  buildInfo: buildInfoCommand,
  buildinfo: buildInfoCommand,
  getParameter: getParameterCommand,
  serverStatus: serverStatusCommand,
  endSessions: ok,
  killSessions: ok,
  refreshSessions: ok,
  whatsmyuri: () => ({ you: '127.0.0.1', ok: 1 }),
  connectionStatus: connectionStatusCommand,
  hostInfo: () => ({ system: { hostname: 'localhost' }, ok: 1 }),
  getCmdLineOpts: () => ({ argv: ['motcua-docstore'], parsed: {}, ok: 1 }),
  startSession: transactionsUnsupported,
  commitTransaction: transactionsUnsupported,
  abortTransaction: transactionsUnsupported,
  find: findCommand,
  getMore: getMoreCommand,
  killCursors: killCursorsCommand,
  count: countCommand,
  distinct: distinctCommand,
  aggregate: aggregateCommand,
  insert: insertCommand,
  update: updateCommand,
  delete: deleteCommand,
  findAndModify: findAndModifyCommand,
  findandmodify: findAndModifyCommand,
  create: createCommand,
  drop: dropCommand,
  dropDatabase: dropDatabaseCommand,
  listCollections: listCollectionsCommand,
  listDatabases: listDatabasesCommand,
  createIndexes: createIndexesCommand,
  listIndexes: listIndexesCommand,
  dropIndexes: dropIndexesCommand,
  deleteIndexes: dropIndexesCommand,
};

export async function runCommand(context: Omit<CommandContext, 'dbName'>): Promise<Document> {
  const { command } = context;
  const name = Object.keys(command)[0];
  if (!name) throw new CommandError('CommandNotFound', "no such command: ''");
  const handler = Object.prototype.hasOwnProperty.call(handlers, name) ? handlers[name] : undefined;
  if (!handler) throw new CommandError('CommandNotFound', `no such command: '${name}'`);
  if (!context.auth.authenticatedAs && !openCommands.has(name))
    throw new CommandError('Unauthorized', `Command ${name} requires authentication`);
  if (command.txnNumber !== undefined || command.startTransaction) transactionsUnsupported();
  const dbName = typeof command.$db === 'string' ? command.$db : 'admin';
  return handler({ ...context, dbName });
}
