// StreamActivatedJobs (Zeebe 8.4+ job push): open streams per job type; a job that becomes activatable while
// a stream of its type is open is activated for the next stream in turn (round-robin) and pushed to it.
import type * as grpc from '@grpc/grpc-js';
import type { Runtime } from '../runtime';
import { InvalidArgument } from '../engine/rejection';
import type { Job } from '../engine/state';
import { activatedJob, toServiceError } from './server';
import { DEFAULT_TENANT, toNumber } from './values';

type Req = Record<string, unknown>;
type Call = grpc.ServerWritableStream<Req, unknown>;

interface JobStream {
  call: Call;
  type: string;
  worker: string;
  timeout: number;
  fetch: string[];
}

function validate(req: Req): JobStream['type'] {
  const type = typeof req.type === 'string' ? req.type : '';
  if (type.trim() === '')
    throw new InvalidArgument('Expected to stream activated jobs with type to be present, but it was blank');
  const timeout = toNumber(req.timeout as string);
  if (timeout < 1) {
    throw new InvalidArgument(
      `Expected to stream activated jobs with timeout to be greater than zero, but it was '${timeout}'`,
    );
  }
  const tenants = (req.tenantIds as string[] | undefined) ?? [];
  const other = tenants.find((t) => t !== DEFAULT_TENANT);
  if (other !== undefined) {
    throw new InvalidArgument(
      `Expected to handle gRPC request StreamActivatedJobs with tenant identifiers [${tenants.join(', ')}], but multi-tenancy is disabled`,
    );
  }
  return type;
}

export class JobStreams {
  private byType = new Map<string, JobStream[]>();
  private turn = new Map<string, number>();
  /** jobs pushed (activated for a stream) since start, for tests and the bench */
  pushed = 0;

  constructor(private readonly runtime: Runtime) {}

  open(call: Call): void {
    let type: string;
    try {
      type = validate(call.request);
    } catch (error) {
      call.emit('error', toServiceError(error));
      return;
    }
    const stream: JobStream = {
      call,
      type,
      worker: typeof call.request.worker === 'string' ? call.request.worker : '',
      timeout: toNumber(call.request.timeout as string),
      fetch: (call.request.fetchVariable as string[] | undefined) ?? [],
    };
    const list = this.byType.get(type) ?? [];
    list.push(stream);
    this.byType.set(type, list);
    call.on('cancelled', () => this.remove(stream));
    call.on('error', () => this.remove(stream));
  }

  /** Streams open for the type (not yet known to be gone). */
  has(type: string): boolean {
    return (this.byType.get(type)?.length ?? 0) > 0;
  }

  /**
   * Pushes each of these newly activatable jobs that has an open stream of its type, in key order, to the
   * streams in turn. The activation is a logged command like ActivateJobs' (durable before the push).
   */
  push(jobKeys: number[]): void {
    const jobs = this.runtime.engine.state.jobs;
    const byStream = new Map<JobStream, number[]>();
    for (const key of jobKeys) {
      const job = jobs[key];
      if (!job || job.state !== 'ACTIVATABLE') continue;
      const stream = this.nextStream(job.type);
      if (!stream) continue;
      const keys = byStream.get(stream) ?? [];
      keys.push(key);
      byStream.set(stream, keys);
    }
    for (const [stream, keys] of byStream) this.activateFor(stream, keys);
  }

  /** Ends every stream with OK (the engine stops; clients reopen on the next engine). */
  closeAll(): void {
    for (const list of this.byType.values()) for (const stream of list) stream.call.end();
    this.byType.clear();
  }

  private nextStream(type: string): JobStream | undefined {
    const list = this.byType.get(type);
    if (!list) return undefined;
    // A worker that went away may not have had its 'cancelled' event yet.
    for (const gone of list.filter((s) => s.call.cancelled)) this.remove(gone);
    if (list.length === 0) return undefined;
    const i = (this.turn.get(type) ?? 0) % list.length;
    this.turn.set(type, i + 1);
    return list[i];
  }

  private activateFor(stream: JobStream, keys: number[]): void {
    const result = this.runtime.execute({
      type: 'activate',
      jobType: stream.type,
      worker: stream.worker,
      timeout: stream.timeout,
      max: keys.length,
      jobKeys: keys,
    });
    if (result.type !== 'activate' || result.jobs.length === 0) return;
    this.pushed += result.jobs.length;
    const messages = result.jobs.map((job) => activatedJob(this.runtime, job, stream.fetch));
    void this.runtime.durable().then(() => this.deliver(stream, result.jobs, messages));
  }

  private deliver(stream: JobStream, jobs: Job[], messages: Array<Record<string, unknown>>): void {
    if (stream.call.cancelled || stream.call.writableEnded || stream.call.destroyed) {
      // As Zeebe does when a push fails: the jobs are yielded back, activatable for others at once.
      this.remove(stream);
      this.runtime.execute({ type: 'yield', jobKeys: jobs.map((job) => job.key) });
      return;
    }
    for (const message of messages) stream.call.write(message);
  }

  private remove(stream: JobStream): void {
    const list = this.byType.get(stream.type);
    if (!list) return;
    const i = list.indexOf(stream);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.byType.delete(stream.type);
  }
}
