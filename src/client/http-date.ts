// HTTP-dates, as a `Retry-After` may carry one instead of seconds: a module of its own that the
// client loads only for such a value (gateways, ours included, send seconds).
const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';
// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") and the obsolete RFC 850 form
// ("Sunday, 06-Nov-94 08:49:37 GMT"), both of which RFC 9110 obliges recipients to accept.
const IMF_OR_RFC850 =
  /^[a-z]{3,9}, (\d\d)[ -]([a-z]{3})[ -](\d\d|\d{4}) (\d\d):(\d\d):(\d\d) gmt$/i;
// ANSI C asctime() form: "Sun Nov  6 08:49:37 1994".
const ASCTIME = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d\d):(\d\d):(\d\d) (\d{4})$/i;

/**
 * Parses an HTTP-date strictly (the three forms of RFC 9110 §5.6.7). `Date.parse` is not used
 * because engines accept very different garbage (Chromium reads "foo 12" as a date in 2001).
 * Returns epoch milliseconds, or undefined when the value is not a valid HTTP-date.
 */
export function parseHttpDate(value: string, now = Date.now()): number | undefined {
  let day: string, month: string, year: string, hh: string, mm: string, ss: string;
  const imf = IMF_OR_RFC850.exec(value);
  const asc = imf ? null : ASCTIME.exec(value);
  if (imf) [, day, month, year, hh, mm, ss] = imf;
  else if (asc) [, month, day, hh, mm, ss, year] = asc;
  else return undefined;

  const m = MONTHS.indexOf(month.toLowerCase());
  if (m < 0 || m % 3) return undefined;
  let y = Number(year);
  if (year.length === 2) {
    // RFC 9110: a two-digit year more than 50 years ahead belongs to the previous century.
    y += 2000;
    if (y > new Date(now).getUTCFullYear() + 50) y -= 100;
  }
  const d = Number(day);
  const time = Date.UTC(y, m / 3, d, Number(hh), Number(mm), Number(ss));
  const check = new Date(time);
  const valid =
    Number(hh) < 24 &&
    Number(mm) < 60 &&
    Number(ss) < 61 &&
    check.getUTCDate() === d &&
    check.getUTCMonth() === m / 3;
  return valid ? time : undefined;
}

/**
 * Seconds from the response's `Date` (when that is a valid HTTP-date, so a skewed client clock does
 * not matter; otherwise from `now`) until the HTTP-date `value`; undefined when `value` is none.
 */
export function secondsUntil(value: string, date: string | null | undefined, now: number) {
  const until = parseHttpDate(value, now);
  if (until === undefined) return undefined;
  const from = (typeof date === 'string' && parseHttpDate(date.trim(), now)) || now;
  return Math.ceil((until - from) / 1000);
}
