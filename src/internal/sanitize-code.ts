/**
 * The zero of each digit script folded to ASCII: Arabic-Indic, Extended Arabic-Indic (Persian,
 * Urdu), Devanagari, Bengali, Thai and full-width. Codes are sent as ASCII, but phone keyboards in
 * those locales type native digits; any other character, digits of other scripts included, is
 * dropped rather than guessed at.
 */
const ZEROS = [0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10];

/** `text` with the digits of the scripts above replaced by ASCII `0`–`9`; everything else kept. */
export function normalizeDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0)!;
    const zero = ZEROS.find((z) => code >= z && code - z < 10);
    return zero === undefined ? digit : String(code - zero);
  });
}

/**
 * A one-time code of at most `length` ASCII digits taken from pasted, typed or autofilled text.
 * Digits are normalised first (see {@link normalizeDigits}); then the first run of exactly
 * `length` digits wins ("Your code is 123456." → `123456`), otherwise all digits are joined and cut
 * to `length` (`123 456`, `123-456` → `123456`). Idempotent, and the result is always a string:
 * compare codes as strings, never as numbers. Servers should accept only `^[0-9]{length}$`.
 */
export function sanitizeCode(text: string, length = 6): string {
  const runs = normalizeDigits(text).match(/[0-9]+/g) ?? [];
  return runs.find((run) => run.length === length) ?? runs.join('').slice(0, Math.max(0, length));
}
