// ActivateJobs with Zeebe's long-polling: one response then OK if jobs were activated; otherwise the request
// waits (requestTimeout, 10 s when 0) and is served the moment a job of its type becomes activatable.
import type * as grpc from '@grpc/grpc-js';
import type { Runtime } from '../runtime';
import { InvalidArgument } from '../engine/rejection';
import { activatedJob, toServiceError } from './server';
import { toNumber } from './values';

type Req = Record<string, unknown>;
type Call = grpc.ServerWritableStream<Req, unknown>;

interface Poll {
  call: Call;
  type: string;
  worker: string;
  timeout: number;
  max: number;
  fetch: string[];
  timer?: NodeJS.Timeout;
  done: boolean;
}

const DEFAULT_LONG_POLL_MS = 10000;

export class LongPolls {
  private waiting: Poll[] = [];

  constructor(private readonly runtime: Runtime) {}

  activate(call: Call): void {
    const req = call.request;
    const poll: Poll = {
      call,
      type: typeof req.type === 'string' ? req.type : '',
      worker: typeof req.worker === 'string' ? req.worker : '',
      timeout: toNumber(req.timeout as string),
      max: Number(req.maxJobsToActivate ?? 0),
      fetch: (req.fetchVariable as string[] | undefined) ?? [],
      done: false,
    };
    try {
      if (poll.type.trim() === '')
        throw new InvalidArgument('Expected to activate job batch with type to be present, but it was blank');
      if (poll.max < 1) {
        throw new InvalidArgument(
          `Expected to activate job batch with max jobs to activate to be greater than zero, but it was '${poll.max}'`,
        );
      }
      if (poll.timeout < 1) {
        throw new InvalidArgument(
          `Expected to activate job batch with timeout to be greater than zero, but it was '${poll.timeout}'`,
        );
      }
    } catch (error) {
      call.emit('error', toServiceError(error));
      return;
    }
    if (this.tryServe(poll)) return;
    const requestTimeout = toNumber(req.requestTimeout as string);
    if (requestTimeout < 0) {
      call.end();
      return;
    }
    poll.timer = setTimeout(
      () => this.finish(poll),
      requestTimeout === 0 ? DEFAULT_LONG_POLL_MS : requestTimeout,
    );
    call.on('cancelled', () => this.drop(poll));
    this.waiting.push(poll);
  }

  serve(types: string[]): void {
    for (const poll of [...this.waiting]) {
      if (!poll.done && types.includes(poll.type) && this.tryServe(poll)) this.drop(poll);
    }
  }

  closeAll(): void {
    for (const poll of [...this.waiting]) this.finish(poll);
  }

  private tryServe(poll: Poll): boolean {
    if (!this.runtime.engine.activatable.get(poll.type)?.size) return false;
    // The worker may have gone (closed, killed) before its 'cancelled' event reached the waiting list.
    if (poll.call.cancelled) return false;
    let result;
    try {
      result = this.runtime.execute({
        type: 'activate',
        jobType: poll.type,
        worker: poll.worker,
        timeout: poll.timeout,
        max: poll.max,
      });
    } catch (error) {
      poll.done = true;
      poll.call.emit('error', toServiceError(error));
      return true;
    }
    if (result.type !== 'activate' || result.jobs.length === 0) return false;
    poll.done = true;
    if (poll.timer) clearTimeout(poll.timer);
    const jobs = result.jobs.map((job) => activatedJob(this.runtime, job, poll.fetch));
    void this.runtime.durable().then(() => {
      if (poll.call.cancelled) {
        // Gone while the activation was being made durable: hand the jobs back instead of leaving them
        // locked to nobody until their timeout (days, for a user task held by the inbox bridge).
        this.runtime.execute({ type: 'yield', jobKeys: result.jobs.map((job) => job.key) });
        this.serve([poll.type]);
        return;
      }
      poll.call.write({ jobs });
      poll.call.end();
    });
    return true;
  }

  private drop(poll: Poll): void {
    poll.done = true;
    if (poll.timer) clearTimeout(poll.timer);
    const i = this.waiting.indexOf(poll);
    if (i >= 0) this.waiting.splice(i, 1);
  }

  private finish(poll: Poll): void {
    if (poll.done) return;
    this.drop(poll);
    poll.call.end();
  }
}
