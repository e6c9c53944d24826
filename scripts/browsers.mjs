#!/usr/bin/env node
// Finds the three browser engines the tests run in: environment override first, then system paths.
// `node scripts/browsers.mjs ensure` installs what is missing when it can (root on Debian) and
// otherwise says exactly what to install.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const ENGINES = {
  chromium: {
    env: 'CHROMIUM_BIN',
    paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
    debian: ['chromium'],
  },
  firefox: {
    env: 'FIREFOX_BIN',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    debian: ['firefox-esr'],
  },
  webkitDriver: {
    env: 'WEBKIT_WEBDRIVER_BIN',
    paths: ['/usr/bin/WebKitWebDriver'],
    debian: ['webkit2gtk-driver'],
  },
  webkitBrowser: {
    env: 'WEBKIT_BROWSER_BIN',
    paths: [
      '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
    ],
    debian: ['webkit2gtk-driver'],
  },
  xvfbRun: {
    env: 'XVFB_RUN_BIN',
    paths: ['/usr/bin/xvfb-run'],
    debian: ['xvfb', 'xauth'],
  },
};

/** Flags Chromium needs here (containers without a GPU or a sandbox, no network besides the tests). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Path of each engine binary, or undefined where it is not found. */
export function findBrowsers() {
  return Object.fromEntries(
    Object.entries(ENGINES).map(([name, { env, paths }]) => {
      const override = process.env[env];
      if (override) return [name, existsSync(override) ? override : undefined];
      return [name, paths.find((p) => existsSync(p))];
    }),
  );
}

function missing() {
  const found = findBrowsers();
  return Object.keys(ENGINES).filter((name) => !found[name]);
}

function canInstall() {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

function ensure() {
  let gone = missing();
  if (gone.length === 0) return;
  const packages = [...new Set(gone.flatMap((name) => ENGINES[name].debian))];
  if (canInstall()) {
    console.log(`Installing browsers for the tests: apt-get install ${packages.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', ...packages], {
      stdio: 'inherit',
      env,
    });
    gone = missing();
  }
  if (gone.length > 0) {
    console.error('Browsers for the tests are missing:');
    for (const name of gone) {
      const { env, paths } = ENGINES[name];
      console.error(`  ${name}: set ${env}, or install it at ${paths[0]}`);
    }
    console.error(`On Debian/Ubuntu: sudo apt-get install -y ${packages.join(' ')}`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const command = process.argv[2] ?? 'list';
  if (command === 'ensure') ensure();
  else console.log(findBrowsers());
}
