// How pages load the built package: two copies in one page (define-if-free), a classic script
// with no modules at all, and class-only entries registered under the host's own tag name. Each
// page completes an email login against the emulator in Chromium.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Page } from 'playwright';
import {
  enterCode,
  newMember,
  pageServerAndBrowser,
  root,
  openPage,
} from './support/page-server.js';

const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const started = pageServerAndBrowser();

const open = (url: string) => openPage(started.browser, url);

/** Email → code → signed in, in the login element `tag`; resolves with the session's email. */
async function signIn(page: Page, tag: string, email: string) {
  await page.locator(`${tag} input[type=email]`).fill(email);
  await page.keyboard.press('Enter');
  return enterCode(started.server, page, tag, email);
}

/** An import map resolving the package's own export map to dist/, and Lit from node_modules. */
function importMap() {
  const imports: Record<string, string> = {};
  for (const [key, target] of Object.entries(pkg.exports as Record<string, unknown>)) {
    const file = typeof target === 'string' ? target : (target as { default: string }).default;
    imports[key.replace(/^\./, pkg.name)] = file.slice(1);
  }
  for (const name of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context']) {
    const main = JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, 'utf8'))
      .exports['.'].default;
    imports[name] = `/node_modules/${name}/${main.replace(/^\.\//, '')}`;
    imports[`${name}/`] = `/node_modules/${name}/`;
  }
  return `<script type="importmap">${JSON.stringify({ imports })}</script>`;
}

test('two copies of the bundle in one page: no error, the first keeps the tags, one warning names both versions', async () => {
  const bundle = readFileSync(`${root}dist/otp-auth-elements.min.js`, 'utf8');
  assert.equal(bundle.split(JSON.stringify(pkg.version)).length, 2, 'the version appears once');
  started.server.page(
    '/copies/old.min.js',
    bundle.replace(JSON.stringify(pkg.version), '"0.0.1-old"'),
    'text/javascript',
  );
  const { organizationId, email } = await newMember(started.server.base);
  const { page, errors, warnings } = await open(
    started.server.page(
      'two-copies.html',
      `<!doctype html><html lang="en"><body>
      <otp-email-auth organization-id="${organizationId}"></otp-email-auth>
      <script type="module">
        const first = await import('/dist/otp-auth-elements.min.js');
        const again = await import('/dist/otp-auth-elements.min.js?copy=2');
        const old = await import('/copies/old.min.js');
        window.loaded = {
          distinct: first.OtpEmailAuth !== again.OtpEmailAuth && first.OtpEmailAuth !== old.OtpEmailAuth,
          kept: ['otp-email-auth', 'otp-auth-provider'].every(
            (tag) => customElements.get(tag) === first[{ 'otp-email-auth': 'OtpEmailAuth', 'otp-auth-provider': 'OtpAuthProvider' }[tag]],
          ),
          // Their own chunks, loaded by the first code step and by MFA.
          codeFieldLater: customElements.get('otp-code-field') === undefined,
          smsStepupLater: customElements.get('otp-sms-stepup') === undefined,
        };
      </script></body></html>`,
    ),
  );
  await page.waitForFunction(() => 'loaded' in window);
  assert.deepEqual(await page.evaluate(() => (window as unknown as { loaded: unknown }).loaded), {
    distinct: true,
    kept: true,
    codeFieldLater: true,
    smsStepupLater: true,
  });
  assert.deepEqual(errors, []);
  const mine = warnings.filter((w) => w.includes('already defined'));
  assert.equal(mine.length, 2, `one warning per extra copy: ${mine.join(' | ')}`);
  assert.match(
    mine[0],
    new RegExp(
      `^otp-auth-elements ${pkg.version}: <otp-[a-z-]+> is already defined by otp-auth-elements ${pkg.version}`,
    ),
  );
  assert.match(
    mine[1],
    new RegExp(
      `^otp-auth-elements 0\\.0\\.1-old: <otp-[a-z-]+> is already defined by otp-auth-elements ${pkg.version}`,
    ),
  );
  assert.equal(await signIn(page, 'otp-email-auth', email), email);
  assert.ok(
    await page.evaluate(() => 'clear' in (customElements.get('otp-code-field')?.prototype ?? {})),
    'the first code step registered the code field',
  );
  assert.deepEqual(errors, []);
});

test('a classic script (no modules) registers every element and exposes the OtpAuthElements global', async () => {
  const { organizationId, email } = await newMember(started.server.base);
  const html = `<!doctype html><html lang="en"><head>
    <script src="/dist/otp-auth-elements.iife.min.js"></script></head><body>
    <otp-auth-provider organization-id="${organizationId}"><otp-email-auth></otp-email-auth></otp-auth-provider>
    </body></html>`;
  assert.doesNotMatch(html, /type="?module/);
  const { page, errors } = await open(started.server.page('classic.html', html));
  assert.deepEqual(
    await page.evaluate(() => {
      const api = (window as unknown as { OtpAuthElements: Record<string, unknown> })
        .OtpAuthElements;
      return [
        customElements.get('otp-email-auth') === api.OtpEmailAuth,
        customElements.get('otp-auth-provider') === api.OtpAuthProvider,
        typeof api.createOtpClient,
      ];
    }),
    [true, true, 'function'],
  );
  assert.equal(await signIn(page, 'otp-email-auth', email), email);
  assert.deepEqual(errors, []);
});

test('class-only entries register nothing; the host registers its own tag and the inner elements come from their entries', async () => {
  const { organizationId, email } = await newMember(started.server.base);
  const { page, errors } = await open(
    started.server.page(
      'class-only.html',
      `<!doctype html><html lang="en"><head>${importMap()}</head><body>
      <acme-login organization-id="${organizationId}"></acme-login>
      <script type="module">
        import { OtpEmailAuth } from '${pkg.name}/email-auth/class';
        import { OtpCodeField } from '${pkg.name}/code-field/class';
        window.afterClassImports = [customElements.get('otp-email-auth'), customElements.get('otp-code-field')].map(String);
        await import('${pkg.name}/sms-stepup');
        customElements.define('acme-login', OtpEmailAuth);
        window.registered = {
          emailAuth: customElements.get('otp-email-auth') === undefined,
          codeFieldLater: customElements.get('otp-code-field') === undefined,
          smsStepup: customElements.get('otp-sms-stepup') !== undefined,
        };
        window.codeField = customElements.whenDefined('otp-code-field').then((c) => c === OtpCodeField);
      </script></body></html>`,
    ),
  );
  await page.waitForFunction(() => 'registered' in window);
  const state = await page.evaluate(() => {
    const w = window as unknown as { afterClassImports: unknown; registered: unknown };
    return { afterClassImports: w.afterClassImports, registered: w.registered };
  });
  assert.deepEqual(state, {
    afterClassImports: ['undefined', 'undefined'],
    registered: { emailAuth: true, codeFieldLater: true, smsStepup: true },
  });
  assert.equal(await signIn(page, 'acme-login', email), email);
  assert.equal(
    await page.evaluate(() => (window as unknown as { codeField: Promise<boolean> }).codeField),
    true,
    'the code step registered the field of the code-field entry',
  );
  assert.deepEqual(errors, []);
});
