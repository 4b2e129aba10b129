// Entry point: starts the embedded document store on a port, loading and journalling its data under dbpath.
// Every connection must authenticate (SCRAM-SHA-256) as the store's one user before any other command.
import { chmod, mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { connectionString, generateCredentials, type DocstoreCredentials } from './auth/credentials';
import { scramUser } from './auth/scram-sha256';
import { createWireServer } from './server';

export { connectionString, credentialsFile, type DocstoreCredentials } from './auth/credentials';
import { openStore } from './storage/open-store';
import { startTtlMonitor } from './storage/ttl-monitor';

export interface DocstoreOptions {
  /** Default 27117; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Created 0700 when absent; the store's files in it are 0600. */
  dbpath: string;
  /** The user every connection must authenticate as; unset ⇒ generated for this run (see `credentials`). */
  credentials?: DocstoreCredentials;
  /** How often expired TTL-indexed documents are deleted; default 60 s as in mongod. */
  ttlMonitorIntervalMs?: number;
}

export interface RunningDocstore {
  port: number;
  host: string;
  credentials: DocstoreCredentials;
  /** Connection string with the credentials and authSource=admin. */
  uri(db: string): string;
  close(): Promise<void>;
}

export async function startDocstore(options: DocstoreOptions): Promise<RunningDocstore> {
  const host = options.host ?? '127.0.0.1';
  const credentials = options.credentials ?? generateCredentials();
  await mkdir(options.dbpath, { recursive: true, mode: 0o700 });
  await chmod(options.dbpath, 0o700);
  const store = await openStore(options.dbpath);
  const { server, cursors } = createWireServer(store, scramUser(credentials.username, credentials.password));
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 27117, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const ttlMonitor = startTtlMonitor(store, options.ttlMonitorIntervalMs ?? 60_000);
  let closing: Promise<void> | undefined;
  return {
    port,
    host,
    credentials,
    uri: (db: string) => connectionString(`${host}:${port}`, db, credentials),
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const socket of sockets) socket.destroy();
        await closed;
        cursors.clear();
        await ttlMonitor.stop();
        await store.close();
      })();
      return closing;
    },
  };
}
