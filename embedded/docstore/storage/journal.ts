// Append-only journal with group commit: writes that arrive while an fsync is in flight wait together for
// the next one, so concurrent writers share a single fsync instead of queueing one each.
import type { FileHandle } from 'node:fs/promises';
import { encodeFrame } from './frames';
import type { JournalRecord } from './journal-record';

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

export class Journal {
  private pending: Buffer[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | undefined;
  bytes: number;

  constructor(
    private readonly file: FileHandle,
    initialBytes: number,
    private readonly afterFlush: () => void = () => {},
  ) {
    this.bytes = initialBytes;
  }

  append(records: JournalRecord[]): Promise<void> {
    for (const record of records) this.pending.push(encodeFrame(record));
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.flushing ??= this.flushLoop();
    return done;
  }

  /** Resolves once everything appended so far is on disk. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  async close(): Promise<void> {
    await this.drain();
    await this.file.close();
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.pending.length) {
        const batch = Buffer.concat(this.pending);
        const waiters = this.waiters;
        this.pending = [];
        this.waiters = [];
        try {
          await this.file.write(batch, 0, batch.length, this.bytes);
          await this.file.datasync();
          this.bytes += batch.length;
          for (const waiter of waiters) waiter.resolve();
        } catch (error) {
          for (const waiter of waiters) waiter.reject(error);
        }
      }
    } finally {
      this.flushing = undefined;
    }
    this.afterFlush();
  }
}
