// The script-tag file loads the discovery steps (organization list, create form, their styles) only
// once a discovery code is on its way; a login to a known organization never fetches them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enterCode, newMember, pageServerAndBrowser, openPage } from './support/page-server.js';

const CHUNK = 'otp-auth-elements.discovery-step.min.js';
const started = pageServerAndBrowser();

const open = (name: string, markup: string) =>
  openPage(
    started.browser,
    started.server.page(
      name,
      `<!doctype html><html lang="en"><body>${markup}
      <script type="module" src="/dist/otp-auth-elements.min.js"></script></body></html>`,
    ),
    CHUNK,
  );

test('a discovery login fetches its steps with the code, lists the organizations styled, and signs in to the one picked', async () => {
  const { organizationId, email } = await newMember(started.server.base);
  const { page, errors, chunkRequests } = await open(
    'discovery.html',
    '<otp-email-auth></otp-email-auth>',
  );
  const input = page.locator('otp-email-auth input[type=email]');
  await input.waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(chunkRequests, [], 'not fetched at load');

  await input.fill(email);
  await page.keyboard.press('Enter');
  await page
    .locator('otp-email-auth otp-code-field input[autocomplete=one-time-code]')
    .pressSequentially(await started.server.waitForCode(email));
  const option = page.locator(`otp-email-auth [data-organization-id="${organizationId}"]`);
  await option.waitFor();
  assert.equal(chunkRequests.length, 1);
  // The list's own styles were adopted with the chunk: a flex row in a list without bullets.
  assert.deepEqual(
    await option.evaluate((button) => [
      getComputedStyle(button).display,
      getComputedStyle(button.closest('ul')!).listStyleType,
    ]),
    ['flex', 'none'],
  );
  // …beside the element's own (an h2 keeps no margin of its own).
  assert.equal(
    await page.locator('otp-email-auth [part=heading]').evaluate((h) => getComputedStyle(h).margin),
    '0px',
  );

  const created = page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        document.addEventListener('otp-session-created', (e) =>
          resolve((e as CustomEvent).detail.organization.organization_id),
        ),
      ),
  );
  await option.click();
  assert.equal(await created, organizationId);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a login to a known organization never fetches the discovery steps', async () => {
  const { organizationId, email } = await newMember(started.server.base);
  const { page, errors, chunkRequests } = await open(
    'known.html',
    `<otp-email-auth organization-id="${organizationId}"></otp-email-auth>`,
  );
  await page.locator('otp-email-auth input[type=email]').fill(email);
  await page.keyboard.press('Enter');
  assert.equal(await enterCode(started.server, page, 'otp-email-auth', email), email);
  assert.deepEqual(chunkRequests, []);
  assert.deepEqual(errors, []);
  await page.close();
});
