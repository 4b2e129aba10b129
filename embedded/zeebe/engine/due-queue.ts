// What comes due, ordered by due time (oldest key on a tie): a binary min-heap of (due, key) entries, so a tick
// looks only at what is due instead of scanning every waiting timer and job. Entries are never removed when their
// item changes or goes: the owner pushes the new due time and checks an entry against the state when it pops.
export class DueQueue {
  private dues: number[] = [];
  private keys: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(due: number, key: number): void {
    this.dues.push(due);
    this.keys.push(key);
    let i = this.keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** The earliest entry, skipping (and dropping) those `valid` rejects; undefined if none is left. */
  peek(valid: (due: number, key: number) => boolean): { due: number; key: number } | undefined {
    while (this.keys.length > 0) {
      const due = this.dues[0] as number;
      const key = this.keys[0] as number;
      if (valid(due, key)) return { due, key };
      this.pop();
    }
    return undefined;
  }

  pop(): void {
    const last = this.keys.length - 1;
    this.swap(0, last);
    this.dues.pop();
    this.keys.pop();
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < this.keys.length && this.before(left, least)) least = left;
      if (right < this.keys.length && this.before(right, least)) least = right;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }

  clear(): void {
    this.dues = [];
    this.keys = [];
  }

  private before(a: number, b: number): boolean {
    const da = this.dues[a] as number;
    const db = this.dues[b] as number;
    return da < db || (da === db && (this.keys[a] as number) < (this.keys[b] as number));
  }

  private swap(a: number, b: number): void {
    const due = this.dues[a] as number;
    this.dues[a] = this.dues[b] as number;
    this.dues[b] = due;
    const key = this.keys[a] as number;
    this.keys[a] = this.keys[b] as number;
    this.keys[b] = key;
  }
}
