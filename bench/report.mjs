// BENCHMARKS.md from the results of one run.
import { BUDGET_BROTLI_BYTES, KEYSTROKES, LOADS } from './config.mjs';
import { kb, ms, ratio } from './lib/stats.mjs';

const bytes = (n) => `${n.toLocaleString('en-US')} B`;
const cell = (text) =>
  String(text).replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const spread = (s) => (s.n ? `${ms(s.median)} (${s.p10.toFixed(1)}–${s.p90.toFixed(1)})` : '–');
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');

function machineSection({ date, machine, seconds }) {
  const versions = Object.entries(machine.versions)
    .map(([name, v]) => `${name} ${v}`)
    .join(', ');
  return `Measured ${date.slice(0, 16).replace('T', ' ')} UTC in ${Math.round(seconds)} s by \`npm run bench\`.

- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB.toFixed(1)} GiB RAM, ${machine.os}
- Load average (1/5/15 min) at start ${machine.load.map((l) => l.toFixed(1)).join(' / ')}, at end ${machine.loadAfter.map((l) => l.toFixed(1)).join(' / ')}: the machine was shared with other work, so times carry that noise; ratios within one run are the figures to compare.
- Node ${machine.node}; ${versions}${
    Math.max(machine.load[0], machine.loadAfter[0]) > machine.cores
      ? `\n\n> **Busy machine**: the load average was up to ${(Math.max(machine.load[0], machine.loadAfter[0]) / machine.cores).toFixed(0)}× the core count during this run, so every time below is inflated and its spread wide; sizes are exact regardless. Re-run \`npm run bench\` on a quiet machine before quoting times.`
      : ''
  }`;
}

function payloadSection({ rows, breakdown, budgetFile }) {
  const present = rows.filter((r) => !r.missing);
  const base = present.find((r) => r.budget);
  const lines = present.map((r) => [
    r.name,
    r.version,
    kb(r.initial.min),
    kb(r.initial.gzip),
    `${kb(r.initial.brotli)} (${bytes(r.initial.brotli)})`,
    r.chunks > 1 ? `${kb(r.total.brotli)} in ${r.chunks} files` : '–',
    r.budget ? '1.00× (reference)' : ratio(r.ratio),
  ]);
  const missing = rows.filter((r) => r.missing).map((r) => `- ${r.name}: ${r.missing}`);
  const over = base.initial.brotli - BUDGET_BROTLI_BYTES;
  const groups = breakdown.groups.map((g) => [
    g.group,
    g.modules,
    kb(g.min),
    bytes(g.brotli),
    `${((100 * g.brotli) / breakdown.total).toFixed(1)} %`,
  ]);
  const top = breakdown.modules
    .slice(0, 25)
    .map((m) => [m.source, kb(m.min), bytes(m.alone), bytes(m.brotli)]);
  return `## 1. Payload

What a page loads to show the widget. Ours as built (\`${budgetFile}\`: rollup + terser, Lit
included); the per-element entries, the client entry, our package entry and every peer bundled the
same way here: esbuild ${'(minified, browser ESM, `production` condition, code splitting)'} from an
entry that registers the widget as its docs say (\`bench/entries/\`). Sizes of what loads at start
(the entry and its static imports); lazy chunks are counted apart. gzip level 9 and brotli quality 11
from \`node:zlib\`. Ratio = brotli bytes / ours.

${table(['what', 'version', 'minified', 'gzip', 'brotli', 'with lazy chunks (brotli)', 'ratio to ours'], lines)}

${missing.length ? `Not measured:\n\n${missing.join('\n')}\n\n` : ''}Descope also fetches its UI components and flow from its CDN at run time; that code is not in the
figure above. The bare Lit element is the floor: Lit alone, no behaviour.

**Budget: 14 KB (${bytes(BUDGET_BROTLI_BYTES)}) brotli** for the script-tag file (both elements, the client, Lit).
Now ${bytes(base.initial.brotli)}: ${over > 0 ? `**${bytes(over)} over**` : `${bytes(-over)} under`}.

### What each module costs (script-tag file)

Every byte of the minified file attributed through its source map to the module it came from;
a module's brotli cost is its share of the file's ${bytes(breakdown.total)}, in proportion to its
slice compressed alone ("alone" column; brotli is not additive, the shares add up to the file).

${table(['group', 'modules', 'minified', 'brotli (share)', '% of file'], groups)}

Largest modules:

${table(['module', 'minified', 'brotli alone', 'brotli (share)'], top)}`;
}

function startupSection({ rows, loads, chromium }) {
  const base = rows.find((r) => r.id === 'ours');
  const ok = rows.filter((r) => r.ready.length);
  const lines = ok.map((r) => [
    r.name,
    r.ready.length,
    spread(r.renderStats),
    spread(r.readyStats),
    r.id === 'ours' ? '1.00×' : ratio(r.readyStats.median / base.readyStats.median),
  ]);
  const failed = rows
    .filter((r) => !r.ready.length)
    .map((r) => {
      const shown = r.render.length
        ? `renders only an error or loading screen (first render ${ms(r.renderStats.median)})`
        : 'renders nothing';
      const blocked = r.blocked.length
        ? `; it needs ${r.blocked.join(', ')} (aborted: no network here)`
        : '';
      const said = r.errors.length
        ? `; it logs: “${r.errors.slice(0, 3).join('” / “').replace(/\s+/g, ' ').slice(0, 400)}”`
        : '';
      return `- ${cell(r.name)}: no email field offline — ${shown}${blocked}${cell(said.replace(/https?:\/\/127\.0\.0\.1:\d+/g, ''))}`;
    });
  return `## 2. Start-up (Chromium ${chromium}, headless)

One page template for all (\`bench/startup.mjs\`): an inline script marks the start just before the
widget's \`<script>\` tag; then, each animation frame, it checks the widget. **First render**: the
frame in which the widget's element first has a non-zero height. **Ready**: the frame in which an
email input is found (shadow roots searched), visible, enabled, and takes focus. Every load in a
fresh browser context (empty cache), served from loopback, widgets interleaved round-robin in one
browser, ${loads} loads each after one warm-up load. Median (p10–p90); ratio of median ready times.

${table(['widget', 'loads', 'first render', 'email field focused and ready', 'ratio (ready) to ours'], lines)}

${failed.length ? `Cannot render a login form offline:\n\n${failed.join('\n')}` : ''}`;
}

function typingSection({ rows, keystrokes }) {
  const plain = rows.find((r) => r.id === 'plain');
  const lines = rows.map((r) => [
    r.name,
    r.keys,
    ms(r.paint.median),
    ms(r.paint.p95),
    r.id === 'plain' ? '1.00×' : ratio(r.paint.median / plain.paint.median),
    `${r.slow.count} of ${r.keys}${r.slow.count ? ` (median ${ms(r.slow.median)}, max ${ms(r.slow.p99)})` : ''}`,
  ]);
  return `## 3. Typing cost

Digits typed one at a time (${keystrokes} per field, 60 ms apart, through Chromium's input pipeline)
into a plain \`<input>\` and our code field on the same page, fields interleaved. **Keystroke to
paint**: from the keydown's \`timeStamp\` to a message posted from the next animation frame (runs once
that frame is presented). **Event Timing**: \`PerformanceObserver\` \`event\` entries with
\`durationThreshold: 16\` (the API's minimum) report only keystrokes that took 16 ms or more to the
next paint; their count, per interaction. Headless Chromium paints on demand when nothing
animates, so a plain field shows input cost alone; the blinking caret of our boxes keeps the page
painting every frame, and each keystroke then waits for the next frame, as every field does on a
real display. The reduced-motion row takes the caret's animation out.

${table(['field', 'keystrokes', 'keystroke to paint, median', 'p95', 'ratio (median) to plain', 'Event Timing ≥ 16 ms'], lines)}`;
}

function serverSection(server) {
  const direct = server.direct;
  const row = (name, r) => [
    name,
    r.cycles,
    r.cyclesPerSecond.toFixed(0),
    r.requestsPerSecond.toFixed(0),
    `${ms(r.send.median)} / ${ms(r.send.p99)}`,
    `${ms(r.authenticate.median)} / ${ms(r.authenticate.p99)}`,
    `${ms(r.cycle.median)} / ${ms(r.cycle.p99)}`,
    Object.keys(r.failures).length ? JSON.stringify(r.failures) : 'none',
  ];
  const gateways = ['off', 'on'].map((l) => [l, server[`gateway-${l}`]]);
  const lines = [
    row('emulator directly', direct),
    ...gateways.map(([l, r]) =>
      row(
        `through the gateway, limiter ${r.limiter === 'pending' ? 'pending (option not in the gateway yet)' : l}`,
        r,
      ),
    ),
  ];
  const overhead = gateways.map(([l, r]) => {
    const perRequest =
      (r.send.median + r.authenticate.median - direct.send.median - direct.authenticate.median) / 2;
    return `- limiter ${r.limiter === 'pending' ? 'pending' : l}: throughput ${ratio(r.cyclesPerSecond / direct.cyclesPerSecond)} of direct; median latency per request +${perRequest.toFixed(1)} ms (send ${ratio(r.send.median / direct.send.median)}, authenticate ${ratio(r.authenticate.median / direct.authenticate.median)})`;
  });
  const m = server.memory;
  const c = server.config;
  const scaling = (server.scaling ?? []).map((b) => [
    b.members.toLocaleString('en-US'),
    b.loginsPerSecond.toFixed(0),
  ]);
  return `## 4. Server (loopback)

A cycle: \`POST …/otps/email/login_or_signup\` for a new member (an address at the seeded
organization's JIT domain), read the code from the emulator's outbox (\`GET /__bench/code\`, a hook of
the bench's emulator host, in both setups), \`POST …/otps/email/authenticate\` (a session and an
RS256 JWT). ${c.concurrency} concurrent loops, 2 s warm-up, then ${c.seconds} s (at most
${c.maxCycles.toLocaleString('en-US')} cycles). The emulator (in memory), the gateway (its upstream
the emulator over loopback HTTP, \`@hono/node-server\`) and this driver each run in their own Node
process, on the same machine. Requests/s counts the two API requests of each cycle.
Limiter on: the gateway's \`rateLimits\` with limits far above the bench's traffic, so its
bookkeeping is measured, not its refusals; off: \`rateLimits: false\`.

${table(['target', 'cycles', 'cycles/s', 'API requests/s', 'send p50 / p99', 'authenticate p50 / p99', 'cycle p50 / p99', 'failures'], lines)}

Gateway overhead against the emulator directly:

${overhead.join('\n')}

**Memory**: ${m.count.toLocaleString('en-US')} email logins (send + authenticate, each a live
session of the maximum duration) over ${m.members.toLocaleString('en-US')} members, straight into
\`emulator.fetch\` in one process on an injected clock (100 ms a login, which keeps every member under
the send cap): heap used ${(m.before / 1024 ** 2).toFixed(1)} MiB before, ${(m.after / 1024 ** 2).toFixed(1)} MiB
after (both after \`gc()\`), ${((m.after - m.before) / m.count).toFixed(0)} bytes per session; RSS
${(m.rss / 1024 ** 2).toFixed(0)} MiB; ${(m.count / m.seconds).toFixed(0)} logins/s in process.

**Logins/s as members accumulate** (new member each login, in process, timed per batch of
${c.scalingBatch.toLocaleString('en-US')}, at most 2 minutes):

${table(['members so far', 'logins/s in that batch'], scaling)}`;
}

export function report(results) {
  const parts = [
    '# Benchmarks',
    '<!-- Written by `npm run bench` (bench/run.mjs); edit bench/report.mjs, not this file. -->',
    machineSection(results),
    `## Reproduce

\`\`\`sh
npm run bench   # builds, installs bench/'s own dependencies if needed, runs everything, rewrites this file
\`\`\`

Needs Chromium (\`/usr/bin/chromium\`, or \`CHROMIUM_BIN\`); no network beyond npm. Knobs:
\`BENCH_ONLY=payload,startup,typing,server\`, \`BENCH_LOADS\` (${LOADS}), \`BENCH_KEYSTROKES\`
(${KEYSTROKES} per field and round), \`BENCH_SECONDS\`, \`BENCH_CONCURRENCY\`, \`BENCH_SESSIONS\`. What is
measured and how: \`bench/config.mjs\` lists the files and peers; each part is one file in \`bench/\`.`,
  ];
  if (results.payload) parts.push(payloadSection(results.payload));
  if (results.startup) parts.push(startupSection(results.startup));
  if (results.typing) parts.push(typingSection(results.typing));
  if (results.server) parts.push(serverSection(results.server));
  return `${parts.join('\n\n')}\n`;
}
