// Append-only command log with group commit: records appended in one event-loop turn share one synchronous
// write (O_DSYNC); callers answer clients only after `durable()` resolves. `beforeFlush` runs just before a
// group is cut, so records it appends (jobs activated for waiting long polls) share that write instead of
// waiting for the next one.
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * O_DSYNC: a write returns once its records are on disk, as write + fdatasync would, in one trip to the
 * thread pool instead of two. Under load each trip also waits for a turn of a busy event loop.
 */
const SEGMENT_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | constants.O_DSYNC;

export interface LogRecord {
  seq: number;
  cmd: unknown;
}

export class CommandLog {
  private handle: fs.FileHandle | undefined;
  private pending: string[] = [];
  private waiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  private flushing: Promise<void> | undefined;
  /** Set while a new segment is being opened: no flush may pick up the handle that is about to close. */
  private rotating: Promise<void> | undefined;
  private scheduled = false;
  seq = 0;
  segmentStart = 1;

  constructor(
    private readonly dir: string,
    private readonly beforeFlush: () => void = () => undefined,
  ) {}

  segmentPath(start: number): string {
    return path.join(this.dir, `log-${String(start).padStart(12, '0')}.jsonl`);
  }

  async open(nextSeq: number): Promise<void> {
    this.seq = nextSeq - 1;
    this.segmentStart = nextSeq;
    this.handle = await fs.open(this.segmentPath(nextSeq), SEGMENT_FLAGS, 0o600);
  }

  append(cmd: unknown): number {
    const seq = ++this.seq;
    this.pending.push(`${JSON.stringify({ seq, cmd })}\n`);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.flush());
    }
    return seq;
  }

  /** Resolves when everything appended so far is on disk. */
  durable(): Promise<void> {
    if (this.pending.length === 0 && !this.flushing) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private async flush(): Promise<void> {
    // A failed write already rejected its own waiters; the next group still gets its chance.
    while (this.flushing || this.rotating) await (this.flushing ?? this.rotating)!.catch(() => undefined);
    this.beforeFlush();
    this.scheduled = false;
    if (this.pending.length === 0) {
      this.release();
      return;
    }
    const data = this.pending.join('');
    this.pending = [];
    const waiters = this.waiters;
    this.waiters = [];
    const handle = this.handle;
    this.flushing = (async () => {
      if (!handle) throw new Error('command log closed');
      await handle.write(data);
    })();
    try {
      await this.flushing;
      for (const w of waiters) w.resolve();
    } catch (error) {
      for (const w of waiters) w.reject(error as Error);
    } finally {
      this.flushing = undefined;
    }
    if (this.pending.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.flush());
    } else {
      this.release();
    }
  }

  private release(): void {
    if (this.pending.length === 0 && !this.flushing) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w.resolve();
    }
  }

  /**
   * Starts a new segment; older segments can go once a snapshot covers them. A segment holds only records below
   * the next segment's start (dropCoveredSegments relies on it), so no flush runs between the last write to the
   * old segment and the swap: records still pending then go to the new one, which is named after the first.
   */
  async rotate(): Promise<void> {
    // What is appended so far goes to the old segment first, so back-to-back rotations cannot starve flushes.
    await this.durable().catch(() => undefined);
    while (this.rotating) await this.rotating;
    let swapped!: () => void;
    this.rotating = new Promise<void>((resolve) => (swapped = resolve));
    try {
      while (this.flushing) await this.flushing.catch(() => undefined);
      const start = this.seq - this.pending.length + 1;
      const next = await fs.open(this.segmentPath(start), SEGMENT_FLAGS, 0o600);
      const old = this.handle;
      this.handle = next;
      this.segmentStart = start;
      await old?.close();
    } finally {
      this.rotating = undefined;
      swapped();
    }
  }

  async close(): Promise<void> {
    await this.durable();
    while (this.flushing || this.rotating) await (this.flushing ?? this.rotating)!.catch(() => undefined);
    await this.handle?.close();
    this.handle = undefined;
  }
}

/** All records after `afterSeq`, in order; a torn last line (crash mid-write) is ignored. */
export async function readRecords(dir: string, afterSeq: number): Promise<LogRecord[]> {
  const files = (await fs.readdir(dir)).filter((f) => /^log-\d+\.jsonl$/.test(f)).sort();
  const out: LogRecord[] = [];
  for (const file of files) {
    const text = await fs.readFile(path.join(dir, file), 'utf8');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let record: LogRecord;
      try {
        record = JSON.parse(line) as LogRecord;
      } catch {
        break;
      }
      if (record.seq > afterSeq) out.push(record);
    }
  }
  return out;
}
