// Visual regression: every state of the flow elements (states.ts), in light, dark and forced
// colours, at desktop 1280×800 and mobile 390×844, in Chromium, compared with the PNGs committed
// in test/visual/baselines/. The states run on a FakeClock and a scripted API, the date is
// fixed, the font is bundled, motion is reduced and the caret hidden, so a difference is a change.
//
//   npm run test:visual                 compare (differences: test/visual/output/)
//   npm run test:visual -- --update     write the baselines that changed (UPDATE_SCREENSHOTS=1 too)
//   VISUAL_STATES=code,success …         only these states
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright';
import { CHROMIUM_FLAGS, findBrowsers } from '../../scripts/browsers.mjs';
import { compareWithBaseline } from './compare.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '../..');
const dirs = { baselines: join(here, 'baselines'), output: join(here, 'output') };
const update = process.argv.includes('--update') || !!process.env.UPDATE_SCREENSHOTS;
if (update) mkdirSync(dirs.baselines, { recursive: true });

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 390, height: 844 },
} as const;
const MODES = {
  light: { colorScheme: 'light', forcedColors: 'none' },
  dark: { colorScheme: 'dark', forcedColors: 'none' },
  forced: { colorScheme: 'dark', forcedColors: 'active' },
} as const;

const bundle = await build({
  entryPoints: [join(here, 'fixture.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  tsconfig: join(root, 'tsconfig.json'),
  // The package's sideEffects names dist/ files; the sources' define modules register elements.
  ignoreAnnotations: true,
  logLevel: 'silent',
});
const files: Record<string, [string | Buffer, string]> = {
  '/': [readFileSync(join(here, 'fixture.html')), 'text/html'],
  '/fixture.js': [bundle.outputFiles[0]!.text, 'text/javascript'],
};
const fonts = join(root, 'node_modules/@fontsource/inter/files');
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const font = /^\/fonts\/(inter-latin-\d00-normal\.woff2)$/.exec(path)?.[1];
  const [body, type] = font ? [readFileSync(join(fonts, font)), 'font/woff2'] : (files[path] ?? []);
  res.writeHead(body ? 200 : 404, { 'content-type': type ?? 'text/plain' }).end(body ?? '');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const browser = await chromium.launch({
  executablePath: findBrowsers().chromium,
  args: [
    ...CHROMIUM_FLAGS,
    '--font-render-hinting=none',
    '--disable-lcd-text',
    '--force-color-profile=srgb',
    '--hide-scrollbars',
  ],
});
after(async () => {
  await browser.close();
  server.close();
});

// One page per state, reached once; each viewport and colour mode is then emulated on it.
const context = await browser.newContext({
  deviceScaleFactor: 1,
  locale: 'en-US',
  timezoneId: 'UTC',
  reducedMotion: 'reduce',
});
// "New code sent to … at 9:41 AM": the time of day shown after a resend.
await context.clock.setFixedTime(new Date('2030-01-01T09:41:00Z'));

const only = process.env.VISUAL_STATES?.split(',').map((s) => s.trim());
const all: string[] = await (async () => {
  const page = await context.newPage();
  await page.goto(base);
  const list = await page.evaluate(() => window.stateNames());
  await page.close();
  return list;
})();
const names = only ? all.filter((s) => only.includes(s)) : all;
assert.ok(names.length, `no state named ${only}; states: ${all}`);

for (const state of names) {
  describe(state, () => {
    let page: Page;
    const problems: string[] = [];
    before(async () => {
      page = await context.newPage();
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
      await page.goto(`${base}?state=${state}`);
      await page.waitForFunction(() => document.body.dataset.ready || document.body.dataset.failed);
    });
    after(() => page?.close());

    test('is reached without an error', async () => {
      assert.equal(await page.evaluate(() => document.body.dataset.failed), undefined);
      assert.deepEqual(problems, []);
    });

    for (const viewport of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
      for (const mode of Object.keys(MODES) as (keyof typeof MODES)[]) {
        const name = `${state}.${viewport}.${mode}`;
        test(`${viewport} ${mode}`, async () => {
          await page.setViewportSize(VIEWPORTS[viewport]);
          await page.emulateMedia(MODES[mode]);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          assert.ok(overflow <= 0, `${name}: the page scrolls sideways by ${overflow}px`);
          const shot = await page.screenshot({
            fullPage: true,
            animations: 'disabled',
            caret: 'hide',
          });
          const outcome = compareWithBaseline(shot, name, dirs, update);
          assert.ok(['same', 'written'].includes(outcome.result), outcome.message);
          assert.deepEqual(problems, []);
        });
      }
    }
  });
}

test('every baseline belongs to a state shown', { skip: !!only && 'only some states' }, () => {
  const expected = new Set(
    all.flatMap((s) =>
      Object.keys(VIEWPORTS).flatMap((v) => Object.keys(MODES).map((m) => `${s}.${v}.${m}.png`)),
    ),
  );
  const stored = existsSync(dirs.baselines) ? readdirSync(dirs.baselines) : [];
  const orphans = stored.filter((f) => !expected.has(f));
  if (update) for (const f of orphans) rmSync(join(dirs.baselines, f));
  else assert.deepEqual(orphans, [], 'baselines of no state: remove them with --update');
});
