// The durable engine: recovery (snapshot + log replay), command execution with logging, ticks, snapshots.
import { promises as fs } from 'node:fs';
import type { Clock } from './clock';
import { beginFeelCommand, endFeelCommand, setFeelClock, setFeelRecovering, type FeelOverrun } from './feel';
import { Engine } from './engine/engine';
import { execute, type Command, type CommandResult } from './engine/commands';
import { Rejection } from './engine/rejection';
import * as jobs from './engine/jobs';
import * as events from './engine/events';
import { compactInWorker } from './compaction';
import { recoverInto, type LoggedCommand } from './recovery';
import { CommandLog } from './store/command-log';
import { dropCoveredSegments, writeSnapshot } from './store/snapshot';
import { parseStateLines, SnapshotJson } from './store/snapshot-json';

const SNAPSHOT_EVERY = 20000;

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
export type CommandInput = DistributiveOmit<Command, 'now'>;

export class Runtime {
  readonly engine = new Engine();
  private log: CommandLog;
  private sinceSnapshot = 0;
  private snapshotting = false;
  /** the compaction worker building the next snapshot, while it runs */
  private compacting: Promise<void> | undefined;
  private readonly snapshotJson = new SnapshotJson();
  private listeners: Array<() => void> = [];
  private flushListeners: Array<() => void> = [];
  private notifying = false;
  private renotify = false;
  /** earliest due time of a timer, job deadline/back-off or message expiry; null after a state change */
  private nextDue: number | null = null;

  constructor(
    private readonly dataDir: string,
    readonly clock: Clock,
    /** records between periodic snapshots */
    private readonly snapshotEvery = SNAPSHOT_EVERY,
  ) {
    this.log = new CommandLog(dataDir, () => {
      for (const listener of this.flushListeners) {
        try {
          listener();
        } catch (error) {
          // The group is cut and synced regardless; what the listener did not do, its fallback will.
          console.error('engine before-flush listener failed', error);
        }
      }
    });
    setFeelClock(() => this.engine.now || clock.now());
  }

  async start(): Promise<void> {
    setFeelRecovering(true);
    try {
      await this.recover();
    } finally {
      setFeelRecovering(false);
    }
  }

  private async recover(): Promise<void> {
    await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    const seq = await recoverInto(this.engine, this.dataDir, {
      loaded: () => this.snapshotJson.freezeAll(this.engine),
      replayed: () => this.snapshotJson.freezeEnded(this.engine),
    });
    await this.log.open(seq + 1);
  }

  /** Registers a callback run after every state change (serving long polls, with-result waiters). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Registers a callback run just before the log cuts a group for fdatasync: what it executes joins it. */
  beforeFlush(listener: () => void): void {
    this.flushListeners.push(listener);
  }

  now(): number {
    return Math.max(this.clock.now(), this.engine.state.lastNow);
  }

  /** Executes a command; throws Rejection without logging. The record is logged; await `durable()` to answer. */
  execute(input: CommandInput): CommandResult {
    const cmd = { ...input, now: this.now() } as LoggedCommand;
    this.nextDue = null;
    let result: CommandResult;
    beginFeelCommand();
    try {
      result = execute(this.engine, cmd);
    } catch (error) {
      if (error instanceof Rejection) {
        endFeelCommand();
        throw error;
      }
      this.append(cmd, endFeelCommand());
      throw error;
    }
    this.append(cmd, endFeelCommand());
    this.snapshotJson.freezeEnded(this.engine);
    this.notify();
    return result;
  }

  private append(cmd: LoggedCommand, feelOverruns: FeelOverrun[]): void {
    if (feelOverruns.length > 0) cmd.feelOverruns = feelOverruns;
    this.log.append(cmd);
    if (++this.sinceSnapshot >= this.snapshotEvery) void this.compact();
  }

  /**
   * The periodic snapshot, built off the serving loop: the log is cut at a sequence number and a worker thread
   * replays the last snapshot and the log up to it into a state of its own, which it writes (compaction-worker.ts).
   * Encoding the live state here stalled the loop 634 ms at 20,000 waiting instances (bench:engine-scale),
   * and a snapshot past 512 MB cannot be a string at all.
   */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    if (this.snapshotting) return Promise.resolve();
    this.sinceSnapshot = 0;
    const run = async (): Promise<void> => {
      await this.log.rotate();
      const seq = this.log.segmentStart - 1;
      await compactInWorker(this.dataDir, seq);
      await dropCoveredSegments(this.dataDir, seq);
    };
    this.compacting = run()
      .catch((error: unknown) => console.error('engine snapshot failed; the log is kept', error))
      .finally(() => {
        this.compacting = undefined;
      });
    return this.compacting;
  }

  /** Resolves when no compaction is running (tests, and a clean stop before its own snapshot). */
  async compacted(): Promise<void> {
    while (this.compacting) await this.compacting;
  }

  durable(): Promise<void> {
    return this.log.durable();
  }

  private notify(): void {
    if (this.notifying) {
      this.renotify = true;
      return;
    }
    this.notifying = true;
    try {
      do {
        this.renotify = false;
        for (const listener of this.listeners) listener();
      } while (this.renotify);
    } finally {
      this.notifying = false;
    }
  }

  /** Looks at the heads of the due queues only after the state changed, not on every idle tick. */
  hasDue(): boolean {
    if (this.nextDue === null) {
      this.nextDue = Math.min(
        events.nextTimerDue(this.engine),
        jobs.nextJobDue(this.engine),
        events.nextMessageExpiry(this.engine),
      );
    }
    return this.nextDue <= this.now();
  }

  /** Fires due timers, times out jobs, ends back-offs and expires messages, if any is due. */
  tick(): boolean {
    if (!this.hasDue()) return false;
    this.execute({ type: 'tick' });
    return true;
  }

  /** A snapshot of the live state encoded on this thread: on a clean stop, when nothing is served any more. */
  async snapshot(): Promise<void> {
    await this.compacted();
    if (this.snapshotting) return;
    this.snapshotting = true;
    try {
      this.sinceSnapshot = 0;
      const seq = this.log.seq;
      const state = this.snapshotJson.serialise(this.engine);
      await this.log.rotate();
      await writeSnapshot(this.dataDir, seq, state);
      await dropCoveredSegments(this.dataDir, seq);
    } finally {
      this.snapshotting = false;
    }
  }

  /** The current state as the next snapshot will hold it. */
  snapshotState(): string {
    return JSON.stringify(parseStateLines(Buffer.concat(this.snapshotJson.serialise(this.engine))));
  }

  async close(): Promise<void> {
    await this.log.durable();
    await this.snapshot();
    await this.log.close();
  }
}
