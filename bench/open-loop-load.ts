// Open-loop HTTP load at a fixed rate: requests start on a Poisson schedule (independent officers and
// citizens), whatever the answers do. autocannon's rate option was not that: each connection sends its
// per-second budget back to back at the start of every second and then waits (autocannon 9,
// lib/httpClient.js `reqsMadeThisSecond`), so "200 req/s over 10 connections" measured a burst of 200
// requests each second. Latency here counts from the scheduled start, so a request that waits for a free
// connection counts the wait (no coordinated omission).
import http from 'node:http';

export interface OpenLoopOptions {
  url: string;
  /** Requests started per second, on average. */
  rate: number;
  durationS: number;
  /** Keep-alive connections at most; a request beyond them waits in the agent's queue. */
  connections: number;
  headers: Record<string, string>;
  nextPath: () => string;
  timeoutMs?: number;
}

export interface OpenLoopResult {
  /** Milliseconds from each request's scheduled start to the end of its answer, sorted. */
  latencies: number[];
  byStatus: Map<number, number>;
  errors: number;
  timeouts: number;
  /** Seconds from the first scheduled start to the last answer. */
  elapsedS: number;
}

/** The gap before the next arrival of a Poisson process with the given mean rate per second, in ms (`random`: a seeded source). */
export const poissonGapMs = (ratePerSecond: number, random: () => number = Math.random) =>
  (-Math.log(1 - random()) / ratePerSecond) * 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function openLoopLoad(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const result: OpenLoopResult = { latencies: [], byStatus: new Map(), errors: 0, timeouts: 0, elapsedS: 0 };
  const pending: Promise<void>[] = [];

  const send = (scheduledAt: number) =>
    new Promise<void>((resolve) => {
      const request = http.get(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: options.nextPath(),
          headers: options.headers,
          timeout: options.timeoutMs ?? 10_000,
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            result.latencies.push(performance.now() - scheduledAt);
            const status = response.statusCode ?? 0;
            result.byStatus.set(status, (result.byStatus.get(status) ?? 0) + 1);
            resolve();
          });
        },
      );
      request.on('timeout', () => {
        result.timeouts++;
        request.destroy(new Error('timeout'));
      });
      request.on('error', () => {
        result.errors++;
        resolve();
      });
    });

  const start = performance.now();
  const end = start + options.durationS * 1000;
  let nextAt = start;
  while (nextAt < end) {
    const wait = nextAt - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(send(nextAt));
    nextAt += poissonGapMs(options.rate);
  }
  await Promise.all(pending);
  result.elapsedS = (performance.now() - start) / 1000;
  agent.destroy();
  result.latencies.sort((a, b) => a - b);
  return result;
}
