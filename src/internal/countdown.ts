import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whole seconds left until a deadline, counted on the monotonic clock (`performance.now()`), so
 * neither a wrong device clock nor a clock change moves it. Re-renders the host when the number
 * of seconds changes and calls `onEnd` once when a running countdown reaches zero.
 */
export class Countdown implements ReactiveController {
  remaining = 0;
  private end = 0;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onEnd?: () => void,
  ) {
    host.addController(this);
  }

  get active(): boolean {
    return this.remaining > 0;
  }

  start(seconds: number): void {
    this.end = performance.now() + Math.max(0, seconds) * 1000;
    this.tick();
  }

  stop(): void {
    clearTimeout(this.timer);
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
    clearTimeout(this.timer);
  }

  private tick = (): void => {
    clearTimeout(this.timer);
    const left = this.end - performance.now();
    const was = this.remaining;
    this.remaining = left > 0 ? Math.ceil(left / 1000) : 0;
    if (this.remaining !== was) this.host.requestUpdate();
    if (left > 0) this.timer = setTimeout(this.tick, left % 1000 || 1000);
    else if (was) this.onEnd?.();
  };
}
