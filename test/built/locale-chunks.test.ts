// Locale catalogs in the built package: separate chunks, never inside the English bundles, loaded
// on first use by the module bundle and by the classic script alike.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { caES } from '../../src/i18n/ca-ES.js';
import { deDE } from '../../src/i18n/de-DE.js';
import { fr } from '../../src/i18n/fr.js';
import { OTP_LOCALES } from '../../src/i18n/locales.js';
import { pageServerAndBrowser, root, openPage } from './support/page-server.js';

const started = pageServerAndBrowser();

const dist = (file: string) => `${root}dist/${file}`;
const TRANSLATED = OTP_LOCALES.filter((l) => l !== 'en');

test('each catalog is its own file; no English bundle or entry contains one', () => {
  for (const locale of TRANSLATED) {
    assert.ok(existsSync(dist(`i18n/${locale}.js`)), `dist/i18n/${locale}.js`);
    assert.ok(existsSync(dist(`otp-auth-elements.${locale}.min.js`)), `${locale} chunk`);
  }
  for (const bundle of [
    'otp-auth-elements.min.js',
    'otp-auth-elements.iife.min.js',
    'i18n/en.js',
  ]) {
    const code = readFileSync(dist(bundle), 'utf8');
    for (const text of [fr.codeLabel, deDE.emailMissing, caES.emailMissing]) {
      assert.ok(!code.includes(text), `${bundle} contains "${text}"`);
    }
  }
});

const headingOf = (html: string, name: string) =>
  openPage(started.browser, started.server.page(name, html));

test('the classic script loads the catalog chunk beside it for the page’s lang', async () => {
  const { page, errors } = await headingOf(
    `<!doctype html><html lang="fr-CA"><head>
    <script src="/dist/otp-auth-elements.iife.min.js"></script></head><body>
    <otp-email-auth organization-id="organization-test-x"></otp-email-auth></body></html>`,
    'classic-fr.html',
  );
  await page.locator('otp-email-auth [part=heading]', { hasText: fr.emailHeading }).waitFor();
  assert.equal(await page.locator('otp-email-auth label[for=email]').textContent(), fr.emailLabel);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the module bundle loads its catalog chunk for the element’s locale', async () => {
  const { page, errors } = await headingOf(
    `<!doctype html><html lang="en"><body>
    <otp-email-auth organization-id="organization-test-x" locale="de-AT"></otp-email-auth>
    <script type="module" src="/dist/otp-auth-elements.min.js"></script></body></html>`,
    'module-de.html',
  );
  await page.locator('otp-email-auth [part=heading]', { hasText: deDE.emailHeading }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
