import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OtpAuthError } from '../client/otp-auth-error.js';
import { OtpErrorEvent, type OtpAction, type OtpStep } from '../events/otp-error.js';
import type { Clock } from './clock.js';
import { Countdown } from './countdown.js';

export type RequestHost = ReactiveControllerHost & HTMLElement;

export interface RequestOptions {
  clock: () => Clock;
  /** Values that, when changed, make the answer to a request already sent stale. */
  key: () => readonly unknown[];
  /**
   * Shows a failure; called before `otp-error` is dispatched. Starts `retry` when a `Retry-After`
   * blocks every request (not when only some, such as sending a new code, must wait).
   */
  onError: (error: OtpAuthError, step: OtpStep, action: OtpAction) => void;
  /** The `Retry-After` wait is over. */
  onRetryEnd: () => void;
}

/** Any thrown value as an `OtpAuthError` (a client may throw something else). */
export function toOtpError(e: unknown): OtpAuthError {
  if (e instanceof OtpAuthError) return e;
  const o = (e ?? {}) as Partial<OtpAuthError>;
  return new OtpAuthError({
    status_code: o.status_code ?? 0,
    error_type: o.error_type ?? 'unexpected_response',
    error_message: o.error_message ?? o.message ?? '',
    retryAfter: o.retryAfter,
    cause: e,
  });
}

/**
 * One request in flight per element. `run()` is refused while a request is in flight (a double
 * submit) or the `retry` wait runs; `run(…, { supersede: true })` and `abort()` end the one in
 * flight instead. A request is aborted when the host disconnects, and its answer is dropped when
 * it was superseded or the key changed meanwhile. Failures go to `onError` and are dispatched as
 * `otp-error` from the host; `run()` then resolves to undefined (it never rejects).
 */
export class RequestController implements ReactiveController {
  busy = false;
  /** The action of the request in flight, while `busy`. */
  action?: OtpAction;
  /** The step it was sent from, while `busy`. */
  step?: OtpStep;
  /** The `Retry-After` wait that blocks every request, started by `onError`. */
  readonly retry: Countdown;
  private inFlight?: AbortController;
  private generation = 0;

  constructor(
    private readonly host: RequestHost,
    private readonly options: RequestOptions,
  ) {
    host.addController(this);
    this.retry = new Countdown(host, options.clock, options.onRetryEnd);
  }

  /** True while nothing may be sent: a request is in flight or a `Retry-After` runs. */
  get blocked(): boolean {
    return this.busy || this.retry.active;
  }

  async run<T>(
    step: OtpStep,
    action: OtpAction,
    call: (signal: AbortSignal) => Promise<T>,
    { supersede = false } = {},
  ): Promise<T | undefined> {
    if (supersede) this.abort();
    else if (this.blocked) return undefined;
    const generation = ++this.generation;
    const key = this.options.key();
    const controller = (this.inFlight = new AbortController());
    const current = () =>
      generation === this.generation &&
      this.host.isConnected &&
      this.options.key().every((v, i) => v === key[i]);
    this.action = action;
    this.step = step;
    this.setBusy(true);
    try {
      const result = await call(controller.signal);
      if (current()) return result;
    } catch (e) {
      if (current() && !controller.signal.aborted) this.fail(toOtpError(e), step, action);
    } finally {
      if (generation === this.generation) {
        this.inFlight = undefined;
        this.setBusy(false);
      }
    }
    return undefined;
  }

  /** Aborts the request in flight and makes sure nothing comes of its answer. */
  abort(): void {
    this.generation++;
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.setBusy(false);
  }

  hostDisconnected(): void {
    this.abort();
  }

  private fail(error: OtpAuthError, step: OtpStep, action: OtpAction): void {
    this.options.onError(error, step, action);
    this.host.dispatchEvent(new OtpErrorEvent({ error, step, action }));
  }

  private setBusy(busy: boolean): void {
    if (!busy) this.action = this.step = undefined;
    if (this.busy === busy) return;
    this.busy = busy;
    this.host.requestUpdate();
  }
}
