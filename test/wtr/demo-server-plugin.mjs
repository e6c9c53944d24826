// Serves the real demo app (gateway + in-memory emulator) behind the test runner's dev server, so
// end-to-end tests in every engine run real flows: /api (gateway), /__dev/outbox, /emulator,
// /demo-config.json. Also gives tests commands to read the browser's own cookie jar, flags
// included, and to empty it.
import { createDemoApp } from '../../server/src/demo/demo-app.ts';

const FORWARDED = /^\/(api|__dev|emulator)(\/|$)|^\/demo-config\.json$/;

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function toRequest(ctx) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody = !['GET', 'HEAD'].includes(ctx.method);
  return new Request(`http://${ctx.host}${ctx.url}`, {
    method: ctx.method,
    headers,
    body: hasBody ? await readBody(ctx.req) : undefined,
  });
}

/** The browser's cookie jar through the engine's automation: Playwright, Puppeteer or WebDriver. */
function cookieJar(session) {
  const launcher = session.browser;
  if (typeof launcher.getPage === 'function') {
    const page = launcher.getPage(session.id);
    // Playwright pages reach cookies through their context; Puppeteer pages directly.
    if (page.context) {
      const context = page.context();
      return { all: () => context.cookies(), clear: () => context.clearCookies() };
    }
    return {
      all: () => page.cookies(),
      clear: async () => page.deleteCookie(...(await page.cookies())),
    };
  }
  if (launcher.driver) {
    const driver = launcher.driver;
    return { all: () => driver.getAllCookies(), clear: () => driver.deleteAllCookies() };
  }
  throw new Error(`No cookie access for ${launcher.name}`);
}

async function browserCookies(session) {
  const cookies = await cookieJar(session).all();
  return cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite }));
}

/** Middleware for the dev server and a plugin for its lifetime and commands. */
export async function demoServer() {
  const demo = await createDemoApp({ log: () => {} });
  async function middleware(ctx, next) {
    if (!FORWARDED.test(ctx.path)) return next();
    const response = await demo.fetch(await toRequest(ctx));
    ctx.status = response.status;
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') ctx.set(name, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) ctx.set('set-cookie', cookies);
    ctx.body = Buffer.from(await response.arrayBuffer());
  }
  const plugin = {
    name: 'otp-demo-server',
    async serverStop() {
      await demo.close();
    },
    async executeCommand({ command, session }) {
      if (command === 'browser-cookies') return browserCookies(session);
      if (command === 'clear-cookies') {
        await cookieJar(session).clear();
        return browserCookies(session);
      }
      return undefined;
    },
  };
  return { middleware, plugin };
}
