/**
 * Time as the countdowns see it. The default reads the monotonic clock (`performance.now()`), so
 * neither a wrong device clock nor a clock change moves a countdown; tests inject their own.
 */
export interface Clock {
  /** Milliseconds on a clock that only moves forward. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};
