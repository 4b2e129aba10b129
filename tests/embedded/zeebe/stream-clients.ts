// Test helpers for StreamActivatedJobs through @camunda8/sdk's gRPC client: a raw job stream that records what
// it is pushed, and one that reopens whenever the engine ends it (as a worker must across an engine restart).
import type { camunda8Client } from './client-adapters';
import type { RawJob } from './support';

type Client = ReturnType<typeof camunda8Client>;

interface ClientStream extends NodeJS.EventEmitter {
  cancel(): void;
}

export interface StreamRequest {
  type: string;
  worker: string;
  timeout: number;
  fetchVariable?: string[];
}

export interface OpenStream {
  jobs: RawJob[];
  /** 'end' when the engine closed it with OK, else the error it ended with */
  ended: Promise<'end' | Error>;
  cancel(): void;
}

function parsed(job: Record<string, unknown>): RawJob {
  return {
    ...(job as unknown as RawJob),
    variables: JSON.parse(job.variables as string) as Record<string, unknown>,
    customHeaders: JSON.parse(job.customHeaders as string) as Record<string, unknown>,
  };
}

/** StreamActivatedJobs on the sdk's own gRPC client (what its streamJobs worker calls). */
export async function openStream(
  zbc: Client,
  req: StreamRequest,
  onJob: (job: RawJob) => void = () => undefined,
): Promise<OpenStream> {
  const grpc = await (
    zbc as unknown as {
      grpc: Promise<{
        streamActivatedJobsStream(req: unknown): Promise<ClientStream | { error: Error } | undefined>;
      }>;
    }
  ).grpc;
  const stream = await grpc.streamActivatedJobsStream({ fetchVariable: [], tenantIds: [], ...req });
  if (!stream || 'error' in stream)
    throw (stream as { error?: Error } | undefined)?.error ?? new Error('closing');
  const jobs: RawJob[] = [];
  const ended = new Promise<'end' | Error>((resolve) => {
    stream.on('error', (error: Error) => resolve(error));
    stream.on('end', () => resolve('end'));
  });
  stream.on('data', (job: Record<string, unknown>) => {
    const one = parsed(job);
    jobs.push(one);
    onJob(one);
  });
  return { jobs, ended, cancel: () => stream.cancel() };
}

/** A job stream that is opened again 100 ms after it ended, until closed; `opened` counts the openings. */
export function reopeningStream(zbc: Client, req: StreamRequest, onJob: (job: RawJob) => void) {
  let closed = false;
  let current: OpenStream | undefined;
  const state = { opened: 0, endings: [] as Array<'end' | Error> };
  const open = async (): Promise<void> => {
    if (closed) return;
    try {
      current = await openStream(zbc, req, onJob);
      state.opened += 1;
      const ending = await current.ended;
      state.endings.push(ending);
    } catch (error) {
      state.endings.push(error as Error);
    }
    if (!closed) setTimeout(() => void open(), 100);
  };
  void open();
  return {
    state,
    close() {
      closed = true;
      current?.cancel();
    },
  };
}

/** Waits until the condition holds (the engine and client answer within milliseconds; 5 s at most). */
export async function eventually(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
