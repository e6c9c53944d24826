// The demo page as `npm start` serves it (built bundle, strict CSP with Trusted Types), driven in
// Chromium: email code → SMS code for the seeded member with MFA, SMS step-up, and the discovery
// login with a switch of organization, with zero policy violations.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright';
import { createDemoApp, type DemoApp } from '../../server/src/demo/demo-app.js';
import {
  latestCode as outboxCode,
  launchChromium,
  waitForCode as pollCode,
} from './support/page-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let app: DemoApp;
let server: ServerType;
let browser: Browser;
let base: string;

before(async () => {
  app = await createDemoApp({ staticRoot: root, log: () => {} });
  server = serve({ fetch: app.fetch, port: 0, hostname: 'localhost' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  await app?.close();
});

const latestCode = (to: string) => outboxCode(base, to);
const waitForCode = (to: string, previous?: string) => pollCode(base, to, previous);

async function openDemo(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.exposeFunction('reportViolation', (d: string) => problems.push(`CSP: ${d}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(d: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    ),
  );
  const response = await page.goto(`${base}/`);
  assert.match(
    response!.headers()['content-security-policy'],
    /require-trusted-types-for 'script'/,
  );
  return { page, problems };
}

test('a member of the MFA-required organization signs in on the demo page', async () => {
  const config = await (await fetch(`${base}/demo-config.json`)).json();
  const globex = config.organizations.find(
    (o: { mfa_policy: string }) => o.mfa_policy === 'REQUIRED_FOR_ALL',
  );
  const member = globex.members.find(
    (m: { mfa_phone_number_verified: boolean }) => m.mfa_phone_number_verified,
  );
  const { page, problems } = await openDemo();

  await page.getByLabel(/Globex/).check();
  await page.locator('otp-email-auth input[type=email]').fill(member.email_address);
  await page.keyboard.press('Enter');
  const emailCode = await waitForCode(member.email_address);
  await page
    .locator('otp-email-auth input[autocomplete=one-time-code]')
    .pressSequentially(emailCode);
  const smsCode = await waitForCode(member.mfa_phone_number);
  await page.locator('otp-sms-stepup input[autocomplete=one-time-code]').pressSequentially(smsCode);

  await page.getByRole('heading', { name: 'Your session' }).waitFor();
  const text = await page.locator('main').innerText();
  assert.match(text, new RegExp(member.email_address));
  assert.match(text, /email_otp, otp/);
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.deepEqual(problems, []);

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Try it' }).waitFor();
  assert.deepEqual(problems, []);
});

test('a member of the MFA-optional organization steps up with SMS and enrolls on the demo page', async () => {
  const config = await (await fetch(`${base}/demo-config.json`)).json();
  const acme = config.organizations.find(
    (o: { mfa_policy: string }) => o.mfa_policy === 'OPTIONAL',
  );
  const email = `demo-${Date.now()}@${acme.email_allowed_domains[0]}`;
  const phone = '+15555550142';
  const { page, problems } = await openDemo();

  await page.getByLabel(/Acme/).check();
  await page.locator('otp-email-auth input[type=email]').fill(email);
  await page.keyboard.press('Enter');
  await page
    .locator('otp-email-auth input[autocomplete=one-time-code]')
    .pressSequentially(await waitForCode(email));
  await page.getByRole('heading', { name: 'Your session' }).waitFor();

  await page.getByLabel(/Also enroll in SMS MFA/).check();
  await page.getByRole('button', { name: 'Step up with SMS' }).click();
  await page.locator('otp-sms-stepup input[type=tel]').fill(phone);
  await page.keyboard.press('Enter');
  await page
    .locator('otp-sms-stepup input[autocomplete=one-time-code]')
    .pressSequentially(await waitForCode(phone));
  await page.getByText('email_otp, otp').waitFor();
  assert.deepEqual(problems, []);

  await page.getByRole('button', { name: 'Log out' }).click();
  const firstCode = await latestCode(email);
  await page.locator('otp-email-auth input[type=email]').fill(email);
  await page.keyboard.press('Enter');
  const emailCode = await waitForCode(email, firstCode);
  await page
    .locator('otp-email-auth input[autocomplete=one-time-code]')
    .pressSequentially(emailCode);
  // Enrolled now: the next login goes on to the SMS code, already sent.
  await page.locator('otp-sms-stepup input[autocomplete=one-time-code]').waitFor();
  assert.deepEqual(problems, []);
});

test('the seeded member signs in by discovery, picks Acme, then switches to Initech', async () => {
  const config = await (await fetch(`${base}/demo-config.json`)).json();
  const email: string = config.discovery.email_address;
  const { page, problems } = await openDemo();

  await page.getByLabel(/discovery login/).check();
  await page.locator('otp-email-auth input[type=email]').fill(email);
  await page.keyboard.press('Enter');
  await page
    .locator('otp-email-auth input[autocomplete=one-time-code]')
    .pressSequentially(await waitForCode(email));
  const list = page.locator('otp-email-auth [part~=organization]');
  await list.first().waitFor();
  assert.deepEqual(
    await list.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label'))),
    [
      'Acme (MFA optional) — member',
      'Globex (MFA required) — member',
      'Initech (invite only) — invited',
    ],
  );
  await page.getByRole('button', { name: 'Acme (MFA optional) — member' }).click();
  await page.getByRole('heading', { name: 'Your session' }).waitFor();
  assert.match(await page.locator('main').innerText(), /at Acme \(MFA optional\)/);

  await page.getByRole('heading', { name: 'Switch organization' }).waitFor();
  await page.getByRole('button', { name: 'Initech (invite only)' }).click();
  await page.getByText(/at Initech \(invite only\)/).waitFor();
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.deepEqual(problems, []);
});
