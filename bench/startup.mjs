// 2. Start-up in Chromium: one page template for every widget, loads interleaved round-robin in one
// browser run, each in a fresh context (empty cache). Times are from the inline script just before
// the widget's <script> tag to
//   - first render: the first animation frame in which the widget's element has a layout box
//     (its height becomes non-zero once it renders anything);
//   - ready: the first frame in which an email field is found (shadow roots searched), visible,
//     enabled, and takes focus when focus() is called.
import { LOADS } from './config.mjs';
import { isolatedPage, launchChromium, startStaticServer } from './lib/browser.mjs';
import { summary } from './lib/stats.mjs';

const TIMEOUT_MS = 5000;
const PROBE_LOADS = 1; // a widget that renders nothing in this many loads is reported as such

const PROBE = `
window.__bench = { start: performance.now() };
(() => {
  const EMAIL = 'input[type=email], input[autocomplete~=username], input[autocomplete~=email], input[name=email], input[name=username]';
  const deep = (node, selector) => {
    const found = node.querySelector(selector) || (node.shadowRoot && deep(node.shadowRoot, selector));
    if (found) return found;
    for (const element of node.querySelectorAll('*')) {
      const inner = element.shadowRoot && deep(element.shadowRoot, selector);
      if (inner) return inner;
    }
    return null;
  };
  const active = () => {
    let element = document.activeElement;
    while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement;
    return element;
  };
  const frame = () => {
    const bench = window.__bench;
    const host = document.body && document.body.firstElementChild;
    const now = performance.now();
    if (host && bench.render === undefined && host.getBoundingClientRect().height > 0) bench.render = now;
    if (host && bench.ready === undefined) {
      const input = deep(host, EMAIL);
      if (input && !input.disabled && input.getClientRects().length > 0) {
        input.focus();
        if (active() === input) bench.ready = now;
      }
    }
    if (bench.ready === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
`;

function pageFor(widget) {
  const tag = widget.classic
    ? `<script src="${widget.url}"></script>`
    : `<script type="module" src="${widget.url}"></script>`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>start-up: ${widget.id}</title>
<style>body { margin: 0; padding: 24px; width: 420px; font-family: system-ui, sans-serif; }</style>
<script>${PROBE}</script>
${tag}
</head>
<body>${widget.markup}</body>
</html>`;
}

async function load(browser, origin, widget) {
  const { context, page, blocked, errors } = await isolatedPage(browser, origin);
  try {
    await page.goto(`${origin}/startup/${widget.id}.html`);
    await page
      .waitForFunction(() => window.__bench.ready !== undefined, null, {
        timeout: TIMEOUT_MS,
        polling: 50,
      })
      .catch(() => {});
    const times = await page.evaluate(() => window.__bench);
    return {
      render: times.render === undefined ? undefined : times.render - times.start,
      ready: times.ready === undefined ? undefined : times.ready - times.start,
      blocked,
      errors,
    };
  } finally {
    await context.close();
  }
}

/** `widgets`: { id, name, url, markup, classic? }[]. */
export async function measureStartup(widgets) {
  const pages = new Map(widgets.map((w) => [`/startup/${w.id}.html`, pageFor(w)]));
  const server = await startStaticServer(pages);
  const browser = await launchChromium();
  const results = new Map(
    widgets.map((w) => [
      w.id,
      { ...w, render: [], ready: [], blocked: new Set(), errors: new Set() },
    ]),
  );
  try {
    // Warm-up: one load each (browser start-up costs, V8 and font caches shared by all).
    for (const widget of widgets) await load(browser, server.origin, widget);
    let live = [...widgets];
    for (let i = 0; i < LOADS; i++) {
      for (const widget of live) {
        const result = results.get(widget.id);
        const run = await load(browser, server.origin, widget);
        if (run.render !== undefined) result.render.push(run.render);
        if (run.ready !== undefined) result.ready.push(run.ready);
        run.blocked.forEach((url) => result.blocked.add(new URL(url).origin));
        run.errors.forEach((message) => result.errors.add(message.slice(0, 200)));
      }
      if (i + 1 === PROBE_LOADS) live = live.filter((w) => results.get(w.id).ready.length > 0);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return {
    chromium: browser.version(),
    loads: LOADS,
    rows: [...results.values()].map((r) => ({
      ...r,
      blocked: [...r.blocked],
      errors: [...r.errors],
      renderStats: summary(r.render),
      readyStats: summary(r.ready),
    })),
  };
}
