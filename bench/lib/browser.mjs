// A loopback static server for the bench pages and a Chromium launched with the team's flags.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../config.mjs';
import { findBrowsers } from '../../scripts/browsers.mjs';
import { bench } from './paths.mjs';

const TYPES = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.html': 'text/html',
  '.css': 'text/css',
};

/** Serves /out/* (bench/dist: the bundles and the snapshot of our files) and `pages` (path → HTML). */
export async function startStaticServer(pages) {
  const mounts = { '/out/': join(bench, 'dist') };
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    const headers = { 'cache-control': 'no-store' };
    if (pages.has(path)) {
      response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      return response.end(pages.get(path));
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) {
        response.writeHead(200, {
          ...headers,
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        });
        return response.end(readFileSync(file));
      }
    }
    // Backends the widgets may call (our gateway, Hanko's API): none here, so a JSON 404.
    response.writeHead(404, { ...headers, 'content-type': 'application/json' });
    response.end('{"error":"not found (bench: no backend)"}');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

export function findChromium() {
  const path = findBrowsers().chromium;
  if (!path)
    throw new Error(
      'Chromium not found: install it (`npm run test:browsers` can) or set CHROMIUM_BIN',
    );
  return path;
}

export async function launchChromium() {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
}

/** A fresh context (empty cache) whose requests leave loopback never: they are aborted and listed. */
export async function isolatedPage(browser, origin) {
  const context = await browser.newContext();
  const blocked = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { context, page, blocked, errors };
}
