// The script-tag file loads <otp-code-field> (its own chunk) only when it is needed: when a flow
// element's first code is on its way, or when the page has a field of its own. A chunk that cannot
// load is a network error on the email step, which keeps the email; the next try loads it.
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
  serveBuild,
} from './support/page-server.js';

const CHUNK = 'otp-auth-elements.code-step.min.js';
const started = pageServerAndBrowser();

const open = (url: string) => openPage(started.browser, url, CHUNK);

/** Whether <otp-code-field> is defined, by the field's class (minified: known by its methods). */
const defined = (page: Page) =>
  page.evaluate(() => 'clear' in (customElements.get('otp-code-field')?.prototype ?? {}));

test('a login page fetches the code field only once the email is sent', async () => {
  const { organizationId, email } = await newMember(started.server.base);
  const { page, errors, chunkRequests } = await open(
    started.server.page(
      'lazy-login.html',
      `<!doctype html><html lang="en"><body>
      <otp-email-auth organization-id="${organizationId}"></otp-email-auth>
      <script type="module" src="/dist/otp-auth-elements.min.js"></script></body></html>`,
    ),
  );
  await page.locator('otp-email-auth input[type=email]').waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(chunkRequests, [], 'not fetched at load');
  assert.equal(await defined(page), false);
  await page.locator('otp-email-auth input[type=email]').fill(email);
  await page.keyboard.press('Enter');
  assert.equal(await enterCode(started.server, page, 'otp-email-auth', email), email);
  assert.equal(chunkRequests.length, 1);
  assert.equal(await defined(page), true);
  assert.deepEqual(errors, []);
});

test('a field of the page’s own is defined: in the markup, added later, or through defineCodeField()', async () => {
  for (const [name, body] of [
    ['markup', '<otp-code-field label="Code"></otp-code-field>'],
    [
      'added',
      `<div id="later"></div><script>setTimeout(() => {
        document.getElementById('later').append(document.createElement('otp-code-field'));
      }, 100);</script>`,
    ],
    [
      'shadow',
      `<div id="host"></div><script type="module">
        const { defineCodeField } = await import('/dist/otp-auth-elements.min.js');
        const root = document.getElementById('host').attachShadow({ mode: 'open' });
        root.innerHTML = '<otp-code-field label="Code"></otp-code-field>';
        await defineCodeField();
      </script>`,
    ],
  ]) {
    const { page, errors } = await open(
      started.server.page(
        `own-field-${name}.html`,
        `<!doctype html><html lang="en"><body>${body}
        <script type="module" src="/dist/otp-auth-elements.min.js"></script></body></html>`,
      ),
    );
    await page.waitForFunction(() => customElements.get('otp-code-field'), null, {
      timeout: 5000,
    });
    await page.locator('otp-code-field input[autocomplete=one-time-code]').waitFor();
    assert.deepEqual(errors, [], name);
    await page.close();
  }
});

test('a code-field chunk that cannot load: the email step says so and keeps the email; the next try goes on', async () => {
  const script = serveBuild(started.server, 'flaky', [CHUNK]);
  const { organizationId, email } = await newMember(started.server.base);
  const { page, errors } = await open(
    started.server.page(
      'flaky.html',
      `<!doctype html><html lang="en"><body>
      <otp-email-auth organization-id="${organizationId}"></otp-email-auth>
      <script type="module" src="${script}"></script></body></html>`,
    ),
  );
  const input = page.locator('otp-email-auth input[type=email]');
  await input.fill(email);
  await page.keyboard.press('Enter');
  const alert = page.locator('otp-email-auth [role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not reach the server/i);
  assert.equal(await input.inputValue(), email, 'the email is kept');
  assert.equal(
    await page.locator('otp-email-auth otp-code-field').count(),
    0,
    'still the email step',
  );

  started.server.page(
    `/flaky/${CHUNK}`,
    readFileSync(`${root}dist/${CHUNK}`, 'utf8'),
    'text/javascript',
  );
  const firstCode = await started.server.waitForCode(email);
  await input.focus();
  await page.keyboard.press('Enter');
  assert.equal(await enterCode(started.server, page, 'otp-email-auth', email, firstCode), email);
  assert.deepEqual(errors, []);
});
