/** A clock in epoch milliseconds; tests pass their own. */
export interface Clock {
  now(): number;
}

/** A key's count within its current window. */
export interface WindowCount {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window closes and the count starts again from zero. */
  resetInMs: number;
}

/**
 * Where the gateway keeps its abuse-limit counters. Fixed windows: the first hit on a key opens a
 * window of `windowSeconds`; every hit until it closes adds one; the next hit after it opens a new
 * one. Share one store between gateway instances (e.g. `RedisStore` from
 * `otp-auth-server/limit-redis`) so that a client cannot spread its requests over them.
 */
export interface LimitStore {
  /** Adds one hit to `key` and returns the window's count. Must be atomic across instances. */
  hit(key: string, windowSeconds: number): Promise<WindowCount>;
  /** The count of `key`'s open window, or `undefined` when none is open. Opens no window. */
  get(key: string): Promise<WindowCount | undefined>;
  /** Forgets `key`: its next hit opens a new window. */
  delete(key: string): Promise<void>;
}

export interface MemoryStoreOptions {
  /** Default: the wall clock. */
  clock?: Clock;
  /**
   * Most keys held at once. When full, expired keys are swept and then the oldest are dropped, so
   * a flood of distinct keys costs bounded memory. Default 100 000.
   */
  maxKeys?: number;
}

interface Window {
  count: number;
  endsAt: number;
}

/**
 * Counters in this instance's memory: the default store. Web APIs only, so it runs on Node, Workers,
 * Deno, Bun and edge runtimes alike; counts are per instance (per isolate on Workers).
 */
export class MemoryStore implements LimitStore {
  readonly #windows = new Map<string, Window>();
  readonly #clock: Clock;
  readonly #maxKeys: number;

  constructor(options: MemoryStoreOptions = {}) {
    this.#clock = options.clock ?? Date;
    this.#maxKeys = options.maxKeys ?? 100_000;
    if (!Number.isInteger(this.#maxKeys) || this.#maxKeys < 1) {
      throw new TypeError('MemoryStore: maxKeys must be a positive integer');
    }
  }

  /** Keys currently held (expired ones included until they are swept). */
  get size(): number {
    return this.#windows.size;
  }

  hit(key: string, windowSeconds: number): Promise<WindowCount> {
    const now = this.#clock.now();
    let window = this.#windows.get(key);
    if (!window || window.endsAt <= now) {
      this.#windows.delete(key);
      if (this.#windows.size >= this.#maxKeys) this.#makeRoom(now);
      window = { count: 0, endsAt: now + windowSeconds * 1000 };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return Promise.resolve({ count: window.count, resetInMs: window.endsAt - now });
  }

  get(key: string): Promise<WindowCount | undefined> {
    const now = this.#clock.now();
    const window = this.#windows.get(key);
    if (!window || window.endsAt <= now) return Promise.resolve(undefined);
    return Promise.resolve({ count: window.count, resetInMs: window.endsAt - now });
  }

  delete(key: string): Promise<void> {
    this.#windows.delete(key);
    return Promise.resolve();
  }

  #makeRoom(now: number): void {
    for (const [key, window] of this.#windows) {
      if (window.endsAt <= now) this.#windows.delete(key);
    }
    // Insertion order is opening order: the first keys are the oldest windows.
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < this.#maxKeys) break;
      this.#windows.delete(key);
    }
  }
}

/**
 * `store` as the gateway uses it: a call that fails or takes longer than `timeoutMs` is answered by
 * this instance's memory instead, so limits keep holding per instance and no login waits on a dead
 * shared store. A `MemoryStore` is used as it is.
 */
export function withMemoryFallback(store: LimitStore, timeoutMs: number): LimitStore {
  if (store instanceof MemoryStore) return store;
  const memory = new MemoryStore();
  const either = <T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> =>
    withTimeout(Promise.resolve().then(shared), timeoutMs).catch(local);
  return {
    hit: (key, windowSeconds) =>
      either(
        () => store.hit(key, windowSeconds),
        () => memory.hit(key, windowSeconds),
      ),
    get: (key) =>
      either(
        () => store.get(key),
        () => memory.get(key),
      ),
    delete: async (key) => {
      await memory.delete(key);
      await either(
        () => store.delete(key),
        () => Promise.resolve(),
      );
    },
  };
}

/** Whether `store` has the three methods of a {@link LimitStore}. */
export function isLimitStore(store: unknown): store is LimitStore {
  const candidate = store as Partial<LimitStore> | null | undefined;
  return (
    typeof candidate?.hit === 'function' &&
    typeof candidate.get === 'function' &&
    typeof candidate.delete === 'function'
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('limit store timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
