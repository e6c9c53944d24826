// A clock the test moves: countdowns (cooldown, expiry, Retry-After) run on it instead of real time.
import type { Clock } from '../../../src/internal/clock.js';

export class FakeClock implements Clock {
  private time = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves time forward by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const [id, next] = [...this.timers].reduce<
        [number, { at: number; callback: () => void }] | []
      >(
        (soonest, entry) => (!soonest.length || entry[1].at < soonest[1]!.at ? entry : soonest),
        [],
      );
      if (id === undefined || next!.at > end) break;
      this.timers.delete(id);
      this.time = next!.at;
      next!.callback();
    }
    this.time = end;
  }

  /** Timers waiting to run. */
  get pending(): number {
    return this.timers.size;
  }
}
