// Browser tests in Chromium, Firefox and WebKit with the system's browsers (scripts/browsers.mjs).
// BROWSERS=chromium,firefox narrows the run; TEST_GROUP (wtr --group) picks unit or e2e.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { CHROMIUM_FLAGS, findBrowsers } from './scripts/browsers.mjs';
import { demoServer } from './test/wtr/demo-server-plugin.mjs';

const bins = findBrowsers();
const demo = await demoServer();
const wanted = (process.env.BROWSERS ?? 'chromium,firefox,webkit').split(',').map((s) => s.trim());

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startWebKitDriver() {
  const port = await freePort();
  const child = spawn(bins.xvfbRun, ['-a', bins.webkitDriver, `--port=${port}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (stop(), process.exit(1)));
  return port;
}

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: bins.chromium, headless: true, args: CHROMIUM_FLAGS },
    }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: bins.firefox, headless: true },
    }),
  );
}
if (wanted.includes('webkit')) {
  const port = await startWebKitDriver();
  const webkit = webdriverLauncher({
    automationProtocol: 'webdriver',
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'error',
    capabilities: {
      'webkitgtk:browserOptions': { binary: bins.webkitBrowser, args: ['--automation'] },
    },
  });
  // The launcher labels itself from capabilities WebKitWebDriver does not echo back.
  Object.defineProperty(webkit, 'name', { get: () => 'WebKit', set: () => {} });
  browsers.push(webkit);
}

export default {
  nodeResolve: true,
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    demo.plugin,
  ],
  middleware: [demo.middleware],
  browsers,
  concurrency: 1,
  concurrentBrowsers: 3,
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 180000,
  // A hang guard, not a speed goal: a file's first test also waits for the dev server to transform
  // the lazy parts it loads, which under load (three engines at once on two cores) can pass 10 s.
  testFramework: { config: { timeout: 20000 } },
};
