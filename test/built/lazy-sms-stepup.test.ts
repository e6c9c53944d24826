// The script-tag file loads <otp-sms-stepup> (its own chunk) only when it is needed: when MFA
// continues inline inside <otp-email-auth>, or when the page has one of its own. A chunk that
// cannot load is a network error on the MFA step with a way back; the next try loads it.
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

const CHUNK = 'otp-auth-elements.sms-stepup.min.js';
const started = pageServerAndBrowser();

const open = (url: string) => openPage(started.browser, url, CHUNK);

const loginPage = (organizationId: string, script = '/dist/otp-auth-elements.min.js') =>
  `<!doctype html><html lang="en"><body>
  <otp-email-auth organization-id="${organizationId}"></otp-email-auth>
  <script type="module" src="${script}"></script></body></html>`;

/** The MFA-required organization (JIT for its domain), a new address in it and a new phone. */
async function mfaMember() {
  const config = await (await fetch(`${started.server.base}/demo-config.json`)).json();
  const org = config.organizations.find(
    (o: { mfa_policy: string }) => o.mfa_policy === 'REQUIRED_FOR_ALL',
  ) as { organization_id: string; email_allowed_domains: string[] };
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const phone = `+1555555${String(Math.floor(Math.random() * 9000) + 1000)}`;
  return {
    organizationId: org.organization_id,
    email: `built-mfa-${tag}@${org.email_allowed_domains[0]}`,
    phone,
  };
}

/** Email, then the emailed code: MFA starts. */
async function emailStep(page: Page, email: string, previous?: string) {
  await page.locator('otp-email-auth input[type=email]').fill(email);
  await page.keyboard.press('Enter');
  await page
    .locator('otp-email-auth otp-code-field input[autocomplete=one-time-code]')
    .pressSequentially(await started.server.waitForCode(email, previous));
}

/** Whether <otp-sms-stepup> is defined, by its class (minified: known by its own property). */
const defined = (page: Page) =>
  page.evaluate(() =>
    (
      customElements.get('otp-sms-stepup') as { observedAttributes?: string[] } | undefined
    )?.observedAttributes?.includes('set-mfa-enrollment'),
  );

test('a sign-in without a second factor never fetches the SMS step-up', async () => {
  const { organizationId, email } = await newMember(started.server.base);
  const { page, errors, chunkRequests } = await open(
    started.server.page('sms-plain.html', loginPage(organizationId)),
  );
  await page.locator('otp-email-auth input[type=email]').fill(email);
  await page.keyboard.press('Enter');
  assert.equal(await enterCode(started.server, page, 'otp-email-auth', email), email);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(chunkRequests, []);
  assert.equal(await defined(page), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});

test('MFA on a script-tag page fetches the SMS step-up once and signs in through SMS', async () => {
  const { organizationId, email, phone } = await mfaMember();
  const { page, errors, chunkRequests } = await open(
    started.server.page('sms-mfa.html', loginPage(organizationId)),
  );
  await page.locator('otp-email-auth input[type=email]').waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(chunkRequests, [], 'not fetched at load');
  await emailStep(page, email);
  await page.locator('otp-email-auth otp-sms-stepup input[type=tel]').fill(phone);
  await page.keyboard.press('Enter');
  assert.equal(await enterCode(started.server, page, 'otp-sms-stepup', phone), email);
  await page.getByRole('heading', { name: 'You are signed in.' }).waitFor();
  assert.equal(chunkRequests.length, 1);
  assert.equal(await defined(page), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an SMS step-up that cannot load: the MFA step says so with a way back; the next try goes on', async () => {
  const script = serveBuild(started.server, 'flaky-sms', [CHUNK]);
  const { organizationId, email, phone } = await mfaMember();
  const { page, errors } = await open(
    started.server.page('sms-flaky.html', loginPage(organizationId, script)),
  );
  await emailStep(page, email);
  const alert = page.locator('otp-email-auth [role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not reach the server/i);
  await page.getByRole('heading', { name: 'Check your phone' }).waitFor();
  assert.equal(await page.locator('otp-sms-stepup').count(), 0);

  started.server.page(
    `/flaky-sms/${CHUNK}`,
    readFileSync(`${root}dist/${CHUNK}`, 'utf8'),
    'text/javascript',
  );
  const firstCode = await started.server.latestCode(email);
  await page.getByRole('button', { name: 'Use a different email' }).click();
  assert.equal(await page.locator('otp-email-auth input[type=email]').inputValue(), email);
  await emailStep(page, email, firstCode);
  await page.locator('otp-email-auth otp-sms-stepup input[type=tel]').fill(phone);
  assert.equal(await alert.count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a step-up of the page’s own is defined: in the markup, added later, or through defineSmsStepup()', async () => {
  const element = '<otp-sms-stepup member-id="member-1" organization-id="org-1"></otp-sms-stepup>';
  for (const [name, body] of [
    ['markup', element],
    [
      'added',
      `<div id="later"></div><script>setTimeout(() => {
        document.getElementById('later').innerHTML = '${element}';
      }, 100);</script>`,
    ],
    [
      'shadow',
      `<div id="host"></div><script type="module">
        const { defineSmsStepup } = await import('/dist/otp-auth-elements.min.js');
        const root = document.getElementById('host').attachShadow({ mode: 'open' });
        root.innerHTML = '${element}';
        const OtpSmsStepup = await defineSmsStepup();
        window.sameClass = OtpSmsStepup === customElements.get('otp-sms-stepup');
      </script>`,
    ],
  ]) {
    const { page, errors } = await open(
      started.server.page(
        `own-stepup-${name}.html`,
        `<!doctype html><html lang="en"><body>${body}
        <script type="module" src="/dist/otp-auth-elements.min.js"></script></body></html>`,
      ),
    );
    // A member without a known phone: the enrollment step.
    await page.locator('otp-sms-stepup input[type=tel]').waitFor({ timeout: 5000 });
    if (name === 'shadow')
      assert.equal(await page.evaluate(() => 'sameClass' in window && window.sameClass), true);
    assert.deepEqual(errors, [], name);
    await page.close();
  }
});

test('two copies of the script-tag file share one registration of the SMS step-up', async () => {
  const { page, errors, warnings, chunkRequests } = await open(
    started.server.page(
      'stepup-two-copies.html',
      `<!doctype html><html lang="en"><body>
      <otp-sms-stepup member-id="member-1" organization-id="org-1"></otp-sms-stepup>
      <script type="module">
        const first = await import('/dist/otp-auth-elements.min.js');
        const again = await import('/dist/otp-auth-elements.min.js?copy=2');
        const [a, b] = await Promise.all([first.defineSmsStepup(), again.defineSmsStepup()]);
        window.shared = a === b && a === customElements.get('otp-sms-stepup');
      </script></body></html>`,
    ),
  );
  await page.waitForFunction(() => 'shared' in window);
  assert.equal(await page.evaluate(() => (window as unknown as { shared: boolean }).shared), true);
  await page.locator('otp-sms-stepup input[type=tel]').waitFor();
  assert.equal(chunkRequests.length, 1);
  assert.deepEqual(
    warnings.filter((w) => w.includes('otp-sms-stepup')),
    [],
  );
  assert.deepEqual(errors, []);
  await page.close();
});
