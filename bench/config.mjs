// What the bench measures. Paths are relative to the repository root. A `file` that does not exist
// (an entry not built yet) is listed as such in BENCHMARKS.md and skipped.

/** Our files as a page loads them. `bundle: true`: bundled here with esbuild like the peers. */
export const ours = [
  {
    id: 'ours',
    name: 'otp-auth-elements (script-tag file: both elements, client, Lit)',
    file: 'dist/otp-auth-elements.min.js',
    budget: true,
    // Loaded when their step is reached (English): counted in "with lazy chunks".
    lazy: [
      'otp-auth-elements.code-step.min.js',
      'otp-auth-elements.sms-stepup.min.js',
      'otp-auth-elements.phone-step.min.js',
      'otp-auth-elements.discovery-step.min.js',
      'otp-auth-elements.code-outcome.min.js',
    ],
    // The chunks beside it (lazy parts, locale catalogs), served with it as a page would.
    beside: (files) => files.filter((f) => /^otp-auth-elements\.(?!iife)[^.]+\.min\.js$/.test(f)),
    markup: '<otp-email-auth organization-id="organization-test-bench"></otp-email-auth>',
  },
  // The classic-script (IIFE) file, when the build emits it.
  {
    id: 'ours-iife',
    name: 'classic-script file (IIFE)',
    file: 'dist/otp-auth-elements.iife.min.js',
    classic: true,
    markup: '<otp-email-auth organization-id="organization-test-bench"></otp-email-auth>',
  },
  // Per-element entries (each registers its element and what it renders), bundled with Lit.
  {
    id: 'ours-email',
    name: 'per-element entry: <otp-email-auth> (code step and sms-stepup lazy)',
    file: 'dist/define/email-auth.js',
    bundle: true,
    markup: '<otp-email-auth organization-id="organization-test-bench"></otp-email-auth>',
  },
  {
    id: 'ours-sms',
    name: 'per-element entry: <otp-sms-stepup> (code and phone steps lazy)',
    file: 'dist/define/sms-stepup.js',
    bundle: true,
  },
  {
    id: 'ours-code-field',
    name: 'per-element entry: <otp-code-field>',
    file: 'dist/define/code-field.js',
    bundle: true,
  },
  {
    id: 'ours-provider',
    name: 'per-element entry: <otp-auth-provider>',
    file: 'dist/define/provider.js',
    bundle: true,
  },
  {
    id: 'ours-client',
    name: 'client entry alone (otp-auth-elements/client)',
    file: 'dist/client/index.js',
    bundle: true,
  },
  {
    id: 'ours-esbuild',
    name: 'otp-auth-elements package entry, bundled like the peers',
    file: 'dist/index.js',
    bundle: true,
  },
];

/** Peers, bundled from bench/entries/* with esbuild (minified, browser ESM). */
export const peers = [
  {
    id: 'lit-floor',
    name: 'bare Lit element (floor)',
    entry: 'lit-floor.js',
    pkg: 'lit',
    markup: '<lit-floor></lit-floor>',
  },
  {
    id: 'stytch-ui',
    name: 'Stytch B2B pre-built UI (<stytch-ui>)',
    entry: 'stytch-b2b-ui.js',
    pkg: '@stytch/vanilla-js',
    markup: '<stytch-ui></stytch-ui>',
  },
  {
    id: 'stytch-headless',
    name: 'Stytch B2B headless client alone',
    entry: 'stytch-b2b-headless.js',
    pkg: '@stytch/vanilla-js',
  },
  {
    id: 'hanko',
    name: 'Hanko Elements (<hanko-auth>)',
    entry: 'hanko.js',
    pkg: '@teamhanko/hanko-elements',
    markup: '<hanko-auth></hanko-auth>',
  },
  {
    id: 'descope',
    name: 'Descope (<descope-wc>)',
    entry: 'descope.js',
    pkg: '@descope/web-component',
    markup:
      '<descope-wc project-id="P2bench00000000000000000000" flow-id="sign-up-or-in"></descope-wc>',
  },
];

/**
 * The size budget of the script-tag file (brotli, quality 11): 14 KB, counted in thousands of
 * bytes (the stricter reading). `test/built/size-budget.test.ts` checks it on every build.
 */
export const BUDGET_BROTLI_BYTES = 14_000;

/** Start-up and typing: loads per widget, keystrokes per field. */
export const LOADS = Number(process.env.BENCH_LOADS ?? 30);
export const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 120);

/** Server: bounded runs on loopback. */
export const SERVER = {
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 8),
  seconds: Number(process.env.BENCH_SECONDS ?? 8),
  maxCycles: 20000,
  sessions: Number(process.env.BENCH_SESSIONS ?? 100000),
  members: 1000, // the sessions are spread over this many members (see server/host.mjs)
  scalingMembers: 20000, // new members, timed per batch (bounded to 2 minutes)
  scalingBatch: 2500,
};

// The team's Chromium flags, defined once.
export { CHROMIUM_FLAGS } from '../scripts/browsers.mjs';
