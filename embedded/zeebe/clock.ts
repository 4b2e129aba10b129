// Engine time. Production uses real time; tests use a controlled clock moved forward through the
// inspection API, so timers and deadlines run without sleeping.

export interface Clock {
  readonly mode: 'real' | 'controlled';
  now(): number;
}

export class RealClock implements Clock {
  readonly mode = 'real';
  now(): number {
    return Date.now();
  }
}

export class ControlledClock implements Clock {
  readonly mode = 'controlled';
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('ms phải là số không âm');
    this.current += ms;
  }

  set(now: number): void {
    if (!Number.isFinite(now) || now < this.current) {
      throw new RangeError('now phải là thời điểm không sớm hơn thời điểm hiện tại của đồng hồ');
    }
    this.current = now;
  }
}
