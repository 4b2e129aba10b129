// Embedded Zeebe 8.3 engine: gRPC gateway + inspection API over one durable runtime.
import type { AddressInfo } from 'node:net';
import { ControlledClock, RealClock } from './clock';
import { Runtime } from './runtime';
import { GatewayServer } from './grpc/server';
import { createInspectServer } from './inspect/http';

export interface EngineOptions {
  port?: number;
  host?: string;
  dataDir: string;
  inspectPort?: number;
  clock?: 'real' | 'controlled';
}

export interface RunningEngine {
  port: number;
  address: string;
  inspectPort: number;
  inspectUrl: string;
  /** The durable runtime, for in-process tests that check what the gRPC and inspection APIs do not show. */
  runtime: Runtime;
  close(): Promise<void>;
}

const TICK_MS = 50;

export async function startEngine(options: EngineOptions): Promise<RunningEngine> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock === 'controlled' ? new ControlledClock(Date.now()) : new RealClock();
  const runtime = new Runtime(options.dataDir, clock);
  await runtime.start();
  const gateway = new GatewayServer(runtime);
  const port = await gateway.listen(host, options.port ?? 26500);
  const inspect = createInspectServer(runtime);
  await new Promise<void>((resolve, reject) => {
    inspect.once('error', reject);
    inspect.listen(options.inspectPort ?? 26501, '127.0.0.1', () => resolve());
  });
  const inspectPort = (inspect.address() as AddressInfo).port;
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
    inspectPort,
    inspectUrl: `http://127.0.0.1:${inspectPort}`,
    runtime,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(ticker);
      await gateway.close();
      await new Promise<void>((resolve) => {
        inspect.close(() => resolve());
        inspect.closeAllConnections();
      });
      await runtime.close();
    },
  };
}
