// The durable engine: recovery (snapshot + log replay), command execution with logging, ticks, snapshots.
import { promises as fs } from 'node:fs';
import type { Clock } from './clock';
import { beginFeelCommand, endFeelCommand, setFeelClock, setFeelRecovering, type FeelOverrun } from './feel';
import { Engine } from './engine/engine';
import { execute, type Command, type CommandResult } from './engine/commands';
import { recoverDrgs } from './engine/decisions';
import { modelsOf, prepareDeploy } from './engine/deploy';
import { Rejection } from './engine/rejection';
import { emptyState } from './engine/state';
import * as jobs from './engine/jobs';
import * as events from './engine/events';
import { CommandLog, readRecords } from './store/command-log';
import { dropCoveredSegments, readSnapshot, writeSnapshot } from './store/snapshot';
import { SnapshotJson } from './store/snapshot-json';

const SNAPSHOT_EVERY = 20000;

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
export type CommandInput = DistributiveOmit<Command, 'now'>;
/** A command as logged: with the FEEL evaluations the budget stopped, which replay stops again. */
type LoggedCommand = Command & { feelOverruns?: FeelOverrun[] };

export class Runtime {
  readonly engine = new Engine();
  private log: CommandLog;
  private sinceSnapshot = 0;
  private snapshotting = false;
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
    const snapshot = await readSnapshot(this.dataDir);
    let seq = 0;
    if (snapshot) {
      // A snapshot from before decisions were deployable lacks their (empty) tables.
      this.engine.state = { ...emptyState(), ...snapshot.state };
      seq = snapshot.seq;
      for (const def of Object.values(snapshot.state.processes)) {
        const model = (await modelsOf(def.xml)).find((m) => m.id === def.bpmnProcessId);
        if (model) this.engine.models.set(def.key, model);
      }
      await recoverDrgs(this.engine);
    }
    this.engine.rebuildIndexes();
    this.snapshotJson.freezeAll(this.engine);
    for (const record of await readRecords(this.dataDir, seq)) {
      const cmd = record.cmd as LoggedCommand;
      if (cmd.type === 'deploy') await prepareDeploy(cmd.resources);
      beginFeelCommand(cmd.feelOverruns);
      try {
        execute(this.engine, cmd);
      } catch {
        // A command that failed when first run failed the same way; its record keeps replay faithful.
      } finally {
        endFeelCommand();
      }
      seq = record.seq;
      this.drainEffects();
    }
    await this.log.open(seq + 1);
  }

  private drainEffects(): void {
    this.snapshotJson.freezeEnded(this.engine);
    this.engine.jobTypesAvailable.clear();
    this.engine.endedInstances = [];
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
    if (++this.sinceSnapshot >= SNAPSHOT_EVERY) void this.snapshot();
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

  /** Scans the state only after it changed, not on every idle tick. */
  hasDue(): boolean {
    if (this.nextDue === null) {
      let due = Math.min(events.nextTimerDue(this.engine), jobs.nextJobDue(this.engine));
      for (const m of Object.values(this.engine.state.messages)) due = Math.min(due, m.deadline);
      this.nextDue = due;
    }
    return this.nextDue <= this.now();
  }

  /** Fires due timers, times out jobs, ends back-offs and expires messages, if any is due. */
  tick(): boolean {
    if (!this.hasDue()) return false;
    this.execute({ type: 'tick' });
    return true;
  }

  async snapshot(): Promise<void> {
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
    return Buffer.concat(this.snapshotJson.serialise(this.engine)).toString('utf8');
  }

  async close(): Promise<void> {
    await this.log.durable();
    await this.snapshot();
    await this.log.close();
  }
}
