// Entry point: starts the embedded document store on a port, loading and journalling its data under dbpath.
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createWireServer } from './server';
import { openStore } from './storage/open-store';
import { startTtlMonitor } from './storage/ttl-monitor';

export interface DocstoreOptions {
  /** Default 27117; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the store has no authentication, so it listens on loopback only. */
  host?: string;
  dbpath: string;
  /** How often expired TTL-indexed documents are deleted; default 60 s as in mongod. */
  ttlMonitorIntervalMs?: number;
}

export interface RunningDocstore {
  port: number;
  host: string;
  uri(db: string): string;
  close(): Promise<void>;
}

export async function startDocstore(options: DocstoreOptions): Promise<RunningDocstore> {
  const host = options.host ?? '127.0.0.1';
  await mkdir(options.dbpath, { recursive: true });
  const store = await openStore(options.dbpath);
  const { server, cursors } = createWireServer(store);
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
    uri: (db: string) => `mongodb://${host}:${port}/${db}`,
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
