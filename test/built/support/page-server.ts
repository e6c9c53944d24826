// One origin for the built-package tests: the demo app (gateway at /api, emulator, dev outbox),
// the package's dist/ and node_modules/ as files, and test pages given as strings. Chromium from
// the system, as the browser tests find it.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright';
import { createDemoApp, type DemoApp } from '../../../server/src/demo/demo-app.js';
import { CHROMIUM_FLAGS, findBrowsers } from '../../../scripts/browsers.mjs';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.map': 'application/json',
  '.json': 'application/json',
  '.css': 'text/css',
};
const FILE_FOLDERS = ['dist', 'node_modules', 'demo'];

export interface PageServer {
  base: string;
  app: DemoApp;
  /** Serves `html` at `${base}/pages/${name}`, or any text at another path. */
  page(path: string, body: string, type?: string): string;
  waitForCode(to: string, previous?: string): Promise<string>;
  latestCode(to: string): Promise<string | undefined>;
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const app = await createDemoApp({ log: () => {} });
  const virtual = new Map<string, { body: string; type: string }>();
  const server: ServerType = serve({
    hostname: 'localhost',
    port: 0,
    fetch: async (request) => {
      const { pathname } = new URL(request.url);
      const page = virtual.get(pathname);
      if (page) return new Response(page.body, { headers: { 'content-type': page.type } });
      const file = normalize(join(root, decodeURIComponent(pathname)));
      const inside = FILE_FOLDERS.some((f) => file.startsWith(join(root, f) + sep));
      const type = TYPES[extname(file)];
      if (inside && type) {
        try {
          return new Response(await readFile(file), { headers: { 'content-type': type } });
        } catch {
          return new Response('not found', { status: 404 });
        }
      }
      return app.fetch(request);
    },
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://localhost:${(server.address() as AddressInfo).port}`;

  return {
    base,
    app,
    page(path, body, type = 'text/html') {
      const full = path.startsWith('/') ? path : `/pages/${path}`;
      virtual.set(full, { body, type });
      return base + full;
    },
    latestCode: (to) => latestCode(base, to),
    waitForCode: (to, previous) => waitForCode(base, to, previous),
    async close() {
      server.close();
      await app.close();
    },
  };
}

/** The last code the emulator's dev outbox holds for `to`. */
export async function latestCode(base: string, to: string): Promise<string | undefined> {
  const { messages } = await (await fetch(`${base}/__dev/outbox`)).json();
  const mine = messages.filter((m: { to: string }) => m.to === to);
  return mine[mine.length - 1]?.code;
}

/** Polls the outbox until a code for `to` other than `previous` arrives. */
export async function waitForCode(base: string, to: string, previous?: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const code = await latestCode(base, to);
    if (code && code !== previous) return code;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no code for ${to}`);
}

/**
 * The script-tag file and the chunks beside it under `/${dir}/`, but for the chunks `missing`
 * (which a test serves later, as a chunk that comes back). Returns the script-tag file's path.
 */
export function serveBuild(server: PageServer, dir: string, missing: string[]): string {
  for (const file of readdirSync(`${root}dist`)) {
    if (!/^otp-auth-elements\.(.+\.)?min\.js$/.test(file) || missing.includes(file)) continue;
    server.page(`/${dir}/${file}`, readFileSync(`${root}dist/${file}`, 'utf8'), 'text/javascript');
  }
  return `/${dir}/otp-auth-elements.min.js`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findBrowsers().chromium, args: [...CHROMIUM_FLAGS] });
}

/** Starts the page server and Chromium before the file's tests, and closes both after them. */
export function pageServerAndBrowser(): { readonly server: PageServer; readonly browser: Browser } {
  const started = {} as { server: PageServer; browser: Browser };
  before(async () => {
    started.server = await startPageServer();
    started.browser = await launchChromium();
  });
  after(async () => {
    await started.browser?.close();
    await started.server?.close();
  });
  return started;
}

/**
 * Opens `url` in a new page of `browser`, recording page errors, console warnings and the requests
 * for `chunk` (a file name), when given.
 */
export async function openPage(browser: Browser, url: string, chunk?: string) {
  const page = await browser.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  const chunkRequests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  if (chunk) page.on('request', (r) => r.url().endsWith(chunk) && chunkRequests.push(r.url()));
  await page.goto(url);
  return { page, errors, warnings, chunkRequests };
}

/** The first organization the emulator seeds with MFA off or optional, and a new address in it. */
export async function newMember(base: string) {
  const config = await (await fetch(`${base}/demo-config.json`)).json();
  const org = config.organizations.find(
    (o: { mfa_policy: string }) => o.mfa_policy === 'OPTIONAL',
  ) as { organization_id: string; email_allowed_domains: string[] };
  const email = `built-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@${org.email_allowed_domains[0]}`;
  return { organizationId: org.organization_id, email };
}

/**
 * Types the code sent to `email` (other than `previous`) into the code field of the login element
 * `tag`; resolves with the email of the member `otp-session-created` names.
 */
export async function enterCode(
  server: PageServer,
  page: Page,
  tag: string,
  email: string,
  previous?: string,
): Promise<string> {
  const created = page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        document.addEventListener('otp-session-created', (e) =>
          resolve((e as CustomEvent).detail.member.email_address),
        ),
      ),
  );
  await page
    .locator(`${tag} otp-code-field input[autocomplete=one-time-code]`)
    .pressSequentially(await server.waitForCode(email, previous));
  return created;
}
