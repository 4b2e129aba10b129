// Embedded Zeebe 8.3 engine: gRPC gateway + inspection API over one durable runtime. The inspection API is
// started only when asked for (inspectPort), on loopback, and answers only requests carrying its token.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ControlledClock, RealClock } from './clock';
import { Runtime } from './runtime';
import { GatewayServer, type GatewayStats } from './grpc/server';
import { createInspectServer } from './inspect/http';

export interface EngineOptions {
  port?: number;
  host?: string;
  dataDir: string;
  /** Starts the inspection API on this port (0: any free one); unset ⇒ no inspection API. */
  inspectPort?: number;
  /** Bearer token the inspection API requires; unset ⇒ generated (see RunningEngine.inspection). */
  inspectToken?: string;
  clock?: 'real' | 'controlled';
  /** Log records between periodic snapshots (runtime.ts); tests make it small. */
  snapshotEvery?: number;
}

export interface RunningEngine {
  port: number;
  address: string;
  /** Where the inspection API listens and the token it wants (`Authorization: Bearer <token>`), when started. */
  inspection?: InspectionEndpoint;
  /** The durable runtime, for in-process tests that check what the gRPC and inspection APIs do not show. */
  runtime: Runtime;
  /** RPCs served and jobs pushed since start (tests check a streaming worker is not polling; the bench). */
  gatewayStats(): GatewayStats;
  close(): Promise<void>;
}

export interface InspectionEndpoint {
  url: string;
  port: number;
  token: string;
}

const TICK_MS = 50;

export async function startEngine(options: EngineOptions): Promise<RunningEngine> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock === 'controlled' ? new ControlledClock(Date.now()) : new RealClock();
  const runtime = new Runtime(options.dataDir, clock, options.snapshotEvery);
  await runtime.start();
  const gateway = new GatewayServer(runtime);
  const port = await gateway.listen(host, options.port ?? 26500);
  let inspect: ReturnType<typeof createInspectServer> | undefined;
  let inspection: InspectionEndpoint | undefined;
  if (options.inspectPort !== undefined) {
    const token = options.inspectToken ?? randomBytes(24).toString('base64url');
    const server = createInspectServer(runtime, token);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.inspectPort, '127.0.0.1', () => resolve());
    });
    const inspectPort = (server.address() as AddressInfo).port;
    inspect = server;
    inspection = { url: `http://127.0.0.1:${inspectPort}`, port: inspectPort, token };
  }
  // Timers due while the engine was down fire at once.
  runtime.tick();
  const ticker = setInterval(() => {
    try {
      runtime.tick();
    } catch (error) {
      console.error('engine tick failed', error);
    }
  }, TICK_MS);
  let closed = false;
  return {
    port,
    address: `${host}:${port}`,
    ...(inspection ? { inspection } : {}),
    runtime,
    gatewayStats: () => gateway.stats(),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(ticker);
      await gateway.close();
      if (inspect) {
        const server = inspect;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      }
      await runtime.close();
    },
  };
}
