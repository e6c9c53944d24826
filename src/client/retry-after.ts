/** Upper bound for a parsed `Retry-After`, in seconds (one day): longer waits are clamped to it. */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

const loadHttpDate = () => import('./http-date.js');

/**
 * Reads a `Retry-After` header value as whole seconds to wait.
 *
 * - delta-seconds (`"30"`) is taken as is;
 * - an HTTP-date is measured from the response's `Date` header when that is a valid HTTP-date
 *   (so a skewed client clock does not matter), otherwise from the client clock `now`;
 * - waits in the past or negative become 0, waits over {@link MAX_RETRY_AFTER_SECONDS} are clamped;
 * - anything else (empty, fractional, lists, free text) gives `undefined`, as does a date when
 *   the date parser cannot be loaded. Never rejects.
 */
export async function parseRetryAfter(
  value: string | null | undefined,
  date?: string | null,
  now = Date.now(),
): Promise<number | undefined> {
  const text = typeof value === 'string' ? value.trim() : '';
  const seconds = /^-?\d+$/.test(text)
    ? Number(text)
    : text
      ? await loadHttpDate().then(
          ({ secondsUntil }) => secondsUntil(text, date, now),
          () => undefined,
        )
      : undefined;
  return seconds === undefined
    ? undefined
    : Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_SECONDS);
}
