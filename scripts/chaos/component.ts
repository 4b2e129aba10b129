// One component of the system under chaos (store, engine, API, worker process) as a child process in its own
// process group: started and waited for until it says it is ready, SIGKILLed, restarted with the same
// arguments (so on the same port and data dir), and restarted too when it exits by itself, as a service
// manager would. Its output goes to a log file of the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

export interface ComponentSpec {
  name: string;
  /** A TypeScript entry point of the repo, run with tsx. */
  entry: string;
  args?: string[];
  env: Record<string, string>;
  /** Printed (stdout or stderr) once the component serves. */
  ready: RegExp;
  readyTimeoutMs?: number;
}

export class Component {
  private child?: ChildProcess;
  private readonly log: WriteStream;
  private expectingExit = false;
  private stopped = false;
  /** Exits the script did not cause, each followed by a restart. */
  readonly selfExits: string[] = [];

  constructor(
    readonly spec: ComponentSpec,
    logDir: string,
    private readonly elapsed: () => string,
  ) {
    this.log = createWriteStream(path.join(logDir, `${spec.name}.log`), { flags: 'a' });
  }

  /** Starts the process and resolves once it printed its ready line. */
  start(): Promise<void> {
    const { spec } = this;
    this.log.write(`--- ${this.elapsed()} start\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', spec.entry, ...(spec.args ?? [])], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...spec.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.expectingExit = false;
    return new Promise<void>((resolve, reject) => {
      let seen = '';
      let ready = false;
      const timer = setTimeout(
        () => reject(new Error(`${spec.name} not ready within ${spec.readyTimeoutMs ?? 120_000} ms`)),
        spec.readyTimeoutMs ?? 120_000,
      );
      const watch = (chunk: Buffer) => {
        this.log.write(chunk);
        if (ready) return;
        seen = (seen + chunk.toString()).slice(-4000);
        if (spec.ready.test(seen)) {
          ready = true;
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', watch);
      child.stderr!.on('data', watch);
      child.once('exit', (code, signal) => {
        this.log.write(`--- ${this.elapsed()} exit ${code ?? signal}\n`);
        if (this.child === child) this.child = undefined;
        if (!ready) {
          clearTimeout(timer);
          reject(
            new Error(`${spec.name} exited (${code ?? signal}) before it was ready; see ${spec.name}.log`),
          );
        } else if (!this.expectingExit && !this.stopped) {
          this.selfExits.push(`${this.elapsed()} (${code ?? signal})`);
          setTimeout(() => void this.startUntilReady(), 1000);
        }
      });
    });
  }

  /** Retries a start that failed (e.g. the API while the store it needs is down) until one is ready. */
  async startUntilReady(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      try {
        return await this.start();
      } catch (error) {
        this.log.write(`--- ${this.elapsed()} start failed: ${String(error)}\n`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  /** SIGKILL to the whole process group: no handler runs, nothing is flushed. Resolves once it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.expectingExit = true;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGKILL');
    await gone;
  }

  /** SIGTERM at the end of the run; SIGKILL after 10 s. */
  async stop(): Promise<void> {
    this.stopped = true;
    const child = this.child;
    if (child && child.exitCode === null) {
      this.expectingExit = true;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    this.log.end();
  }
}
