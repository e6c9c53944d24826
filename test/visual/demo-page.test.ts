// The demo page as a person meets it (issue 9): no live region around the whole page, focus on
// the new panel's heading after signing in and out, the event log a named focusable scroll
// region, a page background in dark mode, nothing scrolling sideways at 320 px, and axe-core
// clean. The built-package tests' page server (gateway + emulator) serves the page, with
// demo/main.ts bundled here, so the page tested is the source's, built or not.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright';
import {
  launchChromium,
  newMember,
  root,
  startPageServer,
  type PageServer,
} from '../built/support/page-server.js';

const axeSource = readFileSync(`${root}node_modules/axe-core/axe.min.js`, 'utf8');
let server: PageServer;
let browser: Browser;
/** Uncaught errors of the pages opened; each test ends with none. */
const errors: string[] = [];

before(async () => {
  const bundle = await build({
    entryPoints: [`${root}demo/main.ts`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    tsconfig: `${root}tsconfig.json`,
    // The package's sideEffects names dist/ files; the sources' define modules register elements.
    ignoreAnnotations: true,
    logLevel: 'silent',
  });
  server = await startPageServer();
  server.page('/', readFileSync(`${root}demo/index.html`, 'utf8'));
  server.page('/demo/dist/main.js', bundle.outputFiles[0]!.text, 'text/javascript');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openDemo(
  options: { width?: number; colorScheme?: 'light' | 'dark'; query?: string } = {},
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.base}/${options.query ?? ''}`);
  await page.locator('otp-email-auth input[type=email]').waitFor();
  return page;
}

/** Signs a new member of the MFA-optional organization in; resolves on the session panel. */
async function signIn(page: Page): Promise<void> {
  const { organizationId, email } = await newMember(server.base);
  await page
    .locator(`input[name=organization]`)
    .nth(await radioIndex(page, organizationId))
    .check();
  await page.locator('otp-email-auth input[type=email]').fill(email);
  await page.keyboard.press('Enter');
  await page
    .locator('otp-email-auth input[autocomplete=one-time-code]')
    .pressSequentially(await server.waitForCode(email));
  await page.getByRole('heading', { name: 'Your session' }).waitFor();
}

/** Index of the organization's radio button (the discovery choice may come first). */
async function radioIndex(page: Page, organizationId: string): Promise<number> {
  const config = await (await fetch(`${server.base}/demo-config.json`)).json();
  const index = config.organizations.findIndex(
    (o: { organization_id: string }) => o.organization_id === organizationId,
  );
  const radios = await page.locator('input[name=organization]').count();
  return index + (radios - config.organizations.length);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Live regions in the page's own markup (the elements' own, in their shadow roots, are theirs). */
const pageLiveRegions = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '[aria-live], [role=status], [role=log], [role=alert], [role=marquee], [role=timer]',
      ),
    ].map((e) => e.outerHTML.slice(0, 80)),
  );

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const { violations } = await axe.run(document);
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test('no live region wraps the page; focus lands on the new heading after signing in and out', async () => {
  const page = await openDemo();
  assert.deepEqual(await pageLiveRegions(page), []);
  await signIn(page);
  assert.equal(await focusedId(page), 'session-heading');
  assert.deepEqual(await pageLiveRegions(page), [], 'the event log is not spoken');
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Try it' }).waitFor();
  assert.equal(await focusedId(page), 'login-heading');
  await page.close();
  assert.deepEqual(errors, []);
});

test('the event log is one named scroll region reached with Tab; nothing else scrolls', async () => {
  const page = await openDemo();
  await signIn(page);
  const scrollers = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) =>
        /auto|scroll/.test(getComputedStyle(e).overflowY + getComputedStyle(e).overflowX),
      )
      .map((e) => ({
        role: e.getAttribute('role'),
        name: e.getAttribute('aria-label'),
        tabIndex: e.tabIndex,
      })),
  );
  assert.deepEqual(scrollers, [{ role: 'region', name: 'Event log, newest first', tabIndex: 0 }]);
  const log = page.getByRole('region', { name: 'Event log, newest first' });
  await page.getByRole('button', { name: 'Log out' }).focus();
  await page.keyboard.press('Tab');
  assert.equal(await log.evaluate((e) => e === document.activeElement), true, 'next after Log out');
  assert.match(await log.innerText(), /otp-session-created/);
  await page.close();
  assert.deepEqual(errors, []);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme}: a page background of the scheme, no sideways scroll at 320 px, axe-clean`, async () => {
    const page = await openDemo({ width: 320, colorScheme });
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const background = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    const light = (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
    assert.ok(
      colorScheme === 'dark' ? light < 0.2 : light > 0.8,
      `${background} for ${colorScheme}`,
    );
    assert.equal(await overflow(), 0, 'signed out');
    assert.deepEqual(await axeViolations(page), []);
    await signIn(page);
    assert.equal(await overflow(), 0, 'signed in, with the event log');
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
    assert.deepEqual(errors, []);
  });
}
