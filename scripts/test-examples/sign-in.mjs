// A full email login as a user does it: type the address, read the code from the emulator's outbox,
// type the code, see the signed-in UI, with the `otp-session-created` detail the page received.
import assert from 'node:assert/strict';

/** Collects what a user would call broken: script errors, console errors, failed requests. */
export function watchPage(page) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

async function messagesTo(upstream, to) {
  const response = await fetch(`${upstream.url}/__dev/outbox`, {
    headers: { accept: 'application/json' },
  });
  return (await response.json()).messages.filter((m) => m.to === to);
}

/** The code of the first message to `to` after the `before` already in the outbox. */
async function newCode(upstream, to, before) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const mine = await messagesTo(upstream, to);
    if (mine.length > before) return mine[before].code;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no code sent to ${to}`);
}

/** The seeded member of the MFA-optional organization (slug `acme`), who signs in with email only. */
function seededMember(upstream) {
  const org = upstream.emulator.seedInfo.organizations.find((o) => o.mfa_policy === 'OPTIONAL');
  return org.members[0].email_address;
}

async function assertServerRendered(base) {
  const html = await (await fetch(`${base}/`)).text();
  assert.match(
    html,
    /<otp-email-auth[^>]*>(<!--[^>]*-->|\s)*<template[^>]*shadowrootmode="open"[^>]*>[\s\S]*type="email"/,
    'the email step is in the server-rendered HTML, before any script runs',
  );
}

/** Keeps the server-rendered email input as parsed, before any module script has run. */
function keepServerRenderedInput() {
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    const root = document.querySelector('otp-email-auth')?.shadowRoot;
    window.serverRenderedInput = root?.querySelector('input[type=email]') ?? null;
  });
}

/** The element upgraded and took over its server-rendered shadow root instead of rendering anew. */
async function assertHydrated(page) {
  const state = await page.evaluate(() => {
    const element = document.querySelector('otp-email-auth');
    const input = element.shadowRoot.querySelector('input[type=email]');
    return {
      serverRendered: window.serverRenderedInput instanceof HTMLInputElement,
      defined: customElements.get('otp-email-auth') !== undefined,
      deferred: element.hasAttribute('defer-hydration'),
      sameInput: input === window.serverRenderedInput,
    };
  });
  const hydrated = { serverRendered: true, defined: true, deferred: false, sameInput: true };
  assert.deepEqual(state, hydrated, 'hydrated');
}

export async function signIn(page, base, upstream, example) {
  if (example.serverRendered) await assertServerRendered(base);
  if (example.serverRendered) await page.addInitScript(keepServerRenderedInput);
  await page.addInitScript(() => {
    window.sessionEvents = [];
    document.addEventListener('otp-session-created', (e) => window.sessionEvents.push(e.detail));
  });
  // Network idle: every script has loaded and the framework has hydrated the page.
  await page.goto(`${base}/`, { waitUntil: 'networkidle' });

  if (example.serverRendered) await assertHydrated(page);
  if (example.global) {
    const classes = await page.evaluate((name) => Object.keys(window[name] ?? {}), example.global);
    assert.ok(classes.includes('OtpEmailAuth'), `window.${example.global}.OtpEmailAuth`);
  }

  const email = seededMember(upstream);
  const before = (await messagesTo(upstream, email)).length;
  const emailInput = page.locator('otp-email-auth input[type=email]');
  await emailInput.fill(email);
  await emailInput.press('Enter');
  const code = await newCode(upstream, email, before);
  await page.locator('otp-email-auth input[autocomplete="one-time-code"]').pressSequentially(code);

  await page.getByText(`Signed in as ${email}`).waitFor();
  const details = await page.evaluate(() => window.sessionEvents);
  assert.equal(details.length, 1, 'one otp-session-created event');
  assert.equal(details[0].member.email_address, email);
  return email;
}
