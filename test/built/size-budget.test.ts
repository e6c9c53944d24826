// The size budget of the script-tag file: both elements, the client, English and Lit, as a page
// loads them. Brotli at quality 11 is deterministic, so this is a plain check, not a timed test.
// `npm run bench` lists what each module costs (BENCHMARKS.md, "What each module costs").
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { brotliCompressSync, constants } from 'node:zlib';

const FILE = new URL('../../dist/otp-auth-elements.min.js', import.meta.url);
// 14 KB: the code step (its state, timers and template), what a right code leads to (session, MFA,
// discovery's organization steps), the SMS step-up, the phone step, an HTTP-date `Retry-After`,
// their English and the locales load when reached; what a page needs to show the email step is
// Lit, the client, the email step and the flow logic every step shares (BENCHMARKS.md, "What
// each module costs").
// Counted in thousands of bytes, the stricter reading (BUDGET_BROTLI_BYTES in bench/config.mjs).
const BUDGET = 14_000;

test('the script-tag file stays within its brotli budget', () => {
  const code = readFileSync(FILE);
  const brotli = brotliCompressSync(code, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  assert.ok(
    brotli <= BUDGET,
    `dist/otp-auth-elements.min.js is ${brotli} B brotli, ${brotli - BUDGET} B over the ` +
      `${BUDGET} B budget; see BENCHMARKS.md (npm run bench) for the cost of each module`,
  );
});
