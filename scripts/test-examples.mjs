#!/usr/bin/env node
// Builds every example in examples/ as a user would (npm ci, npm run build), serves it next to the
// gateway and the Stytch emulator, and signs a seeded member in through it in Chromium: email typed,
// code read from the emulator's outbox, code typed, `otp-session-created` seen and the signed-in UI
// shown. `node scripts/test-examples.mjs react vue` runs some of them; `--no-build` packs the
// packages' current dist/ folders instead of building them first.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findBrowsers } from './browsers.mjs';
import { signIn, watchPage } from './test-examples/sign-in.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// CI has the npm registry and nothing else: no telemetry calls from the frameworks' tools.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
process.env.NG_CLI_ANALYTICS ??= 'false';

/**
 * `static`: the build output in `dir` is served by this script next to the gateway at /api.
 * `own`: the example's `npm start` serves itself (gateway included) on $PORT.
 */
const EXAMPLES = [
  { name: 'plain', serve: 'static', dir: 'dist' },
  { name: 'react', serve: 'static', dir: 'dist' },
  { name: 'vue', serve: 'static', dir: 'dist' },
  { name: 'next', serve: 'own', hosts: ['localhost', '127.0.0.1'] },
  { name: 'lit-ssr', serve: 'own', serverRendered: true },
  { name: 'angular', serve: 'static', dir: 'dist/angular/browser' },
  { name: 'classic-script', serve: 'static', dir: 'dist', global: 'OtpAuthElements' },
];

const build = !process.argv.includes('--no-build');
const wanted = process.argv.slice(2).filter((arg) => arg !== '--no-build');
const examples = wanted.length ? EXAMPLES.filter((e) => wanted.includes(e.name)) : EXAMPLES;
if (wanted.length && examples.length !== wanted.length) {
  console.error(`Unknown example; known: ${EXAMPLES.map((e) => e.name).join(', ')}`);
  process.exit(2);
}

const timings = [];
async function timed(label, work) {
  const start = performance.now();
  try {
    return await work();
  } finally {
    const seconds = (performance.now() - start) / 1000;
    timings.push([label, seconds]);
    console.log(`  ${label}: ${seconds.toFixed(1)} s`);
  }
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code})`)),
    );
  });
}

const npm = (cwd, ...args) => run('npm', args, { cwd });

const INSTALL_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];

/** Installs the locked dependencies unless node_modules already matches the lockfile. */
async function install(dir) {
  const marker = join(dir, 'node_modules/.package-lock.json');
  const lock = join(dir, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  try {
    await npm(dir, 'ci', ...INSTALL_FLAGS);
  } catch {
    await relock(dir, 'npm ci refused package-lock.json');
  }
}

/** A local package changed its dependencies since the example's lockfile was written. */
async function relock(dir, why) {
  console.warn(`  ${dir}: ${why}; npm install updates package-lock.json (commit it)`);
  await npm(dir, 'install', ...INSTALL_FLAGS);
}

const readManifest = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

/** Puts the freshly packed local packages into the example, as a registry install would. */
async function refreshLocalPackages(dir, packs) {
  const { dependencies, devDependencies } = readManifest(dir);
  const used = Object.keys(packs).filter((name) => ({ ...dependencies, ...devDependencies })[name]);
  for (const name of used) {
    const target = join(dir, 'node_modules', name);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    await run('tar', ['-xzf', packs[name], '-C', target, '--strip-components=1']);
  }
  const missing = used
    .flatMap((name) =>
      Object.keys(readManifest(join(dir, 'node_modules', name)).dependencies ?? {}),
    )
    .filter((dep) => !existsSync(join(dir, 'node_modules', dep, 'package.json')));
  if (missing.length) await relock(dir, `${missing.join(', ')} not installed`);
}

async function packLocalPackages() {
  const out = mkdtempSync(join(tmpdir(), 'otp-packs-'));
  if (build) {
    await npm(root, 'run', 'build', '--silent');
    await npm(root, 'run', 'build', '-w', 'otp-auth-server', '--silent');
  }
  await run('npm', ['pack', '--silent', '--pack-destination', out], { cwd: root, stdio: 'ignore' });
  await run('npm', ['pack', '--silent', '--pack-destination', out], {
    cwd: join(root, 'server'),
    stdio: 'ignore',
  });
  const server = join(root, 'server');
  return {
    'otp-auth-elements': join(out, `otp-auth-elements-${readManifest(root).version}.tgz`),
    'otp-auth-server': join(out, `otp-auth-server-${readManifest(server).version}.tgz`),
  };
}

/** A fresh in-memory emulator per example, on its own port: seeded members, fresh send limits. */
async function startEmulator() {
  const emulator = await createEmulator({ seed: true, log: () => {} });
  const server = serve({ fetch: emulator.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    emulator,
    url,
    async close() {
      server.close();
      await emulator.close();
    },
  };
}

async function testExample(example, packs, browser) {
  const dir = join(root, 'examples', example.name);
  console.log(`\n▶ ${example.name}`);
  await timed(`${example.name} install`, () => install(dir));
  await refreshLocalPackages(dir, packs);
  await timed(`${example.name} build`, () => npm(dir, 'run', 'build'));
  const upstream = await startEmulator();
  const server =
    example.serve === 'static'
      ? await serveExample(join(dir, example.dir), upstream)
      : await startOwnServer(dir, upstream);
  try {
    await timed(`${example.name} sign-in`, async () => {
      for (const host of example.hosts ?? ['localhost']) {
        const base = `http://${host}:${server.port}`;
        const context = await browser.newContext();
        context.setDefaultTimeout(15_000);
        const page = await context.newPage();
        const problems = watchPage(page);
        const report = (message) => new Error(`${base}: ${[message, ...problems].join('\n  ')}`);
        try {
          const member = await signIn(page, base, upstream, example);
          if (problems.length) throw report('signed in, but:');
          console.log(`  ${base}: signed in as ${member}`);
        } catch (error) {
          throw error.message.startsWith(base) ? error : report(error.message);
        } finally {
          await context.close();
        }
      }
    });
  } finally {
    await server.close();
    await upstream.close();
  }
}

const started = performance.now();
const packs = await timed('build and pack otp-auth-elements + otp-auth-server', packLocalPackages);
// Imported once built: on a fresh clone otp-auth-server has no dist/ before this point.
const { createEmulator } = await import('otp-auth-server/emulator');
const { serveExample, startOwnServer } = await import('./test-examples/servers.mjs');
const browser = await chromium.launch({
  executablePath: findBrowsers().chromium,
  args: CHROMIUM_FLAGS,
});
const failed = [];
try {
  for (const example of examples) {
    try {
      await testExample(example, packs, browser);
    } catch (error) {
      console.error(`✗ ${example.name}: ${error.stack ?? error}`);
      failed.push(example.name);
    }
  }
} finally {
  await browser.close();
  rmSync(join(packs['otp-auth-elements'], '..'), { recursive: true, force: true });
}

console.log('\nTimings:');
for (const [label, seconds] of timings)
  console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${label}`);
console.log(`  ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  total`);
const passed = examples.filter((e) => !failed.includes(e.name)).map((e) => e.name);
console.log(
  `\nPassed: ${passed.join(', ') || 'none'}${failed.length ? `\nFailed: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);
