import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Clock } from './clock.js';

/**
 * Whole seconds left until a deadline on the host's clock. Re-renders the host when the number of
 * seconds changes and calls `onEnd` once when a running countdown reaches zero. The clock is read
 * when the countdown starts, so an element's clock can be swapped (in tests) before that.
 */
export class Countdown implements ReactiveController {
  remaining = 0;
  private end = 0;
  private timer?: unknown;
  private running?: Clock;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clock: () => Clock,
    private readonly onEnd?: () => void,
  ) {
    host.addController(this);
  }

  get active(): boolean {
    return this.remaining > 0;
  }

  start(seconds: number): void {
    this.clear();
    this.running = this.clock();
    this.end = this.running.now() + Math.max(0, seconds) * 1000;
    this.tick();
  }

  stop(): void {
    this.clear();
    this.end = 0;
    if (this.remaining) {
      this.remaining = 0;
      this.host.requestUpdate();
    }
  }

  hostConnected(): void {
    if (this.remaining) this.tick();
  }

  hostDisconnected(): void {
    this.clear();
  }

  private clear(): void {
    if (this.timer !== undefined) this.running?.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private tick = (): void => {
    this.clear();
    const clock = this.running!;
    const left = this.end - clock.now();
    const was = this.remaining;
    this.remaining = left > 0 ? Math.ceil(left / 1000) : 0;
    if (this.remaining !== was) this.host.requestUpdate();
    if (left > 0) this.timer = clock.setTimeout(this.tick, left % 1000 || 1000);
    else if (was) this.onEnd?.();
  };
}
