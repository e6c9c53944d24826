// Helpers for end-to-end tests against the real gateway and emulator behind the test server.
import { fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { SeedOrganization } from '../../../server/src/emulator/types.js';
import type { OtpEmailAuth } from '../../../src/index.js';
import { typeInto, waitUntilFound } from '../support/dom.js';

export type { SeedOrganization };
export { latestCode, messagesTo } from '../support/outbox.js';

export const CODE_INPUT = 'input[autocomplete=one-time-code]';

/**
 * A hang guard, not a speed goal: on a loaded machine a WebKit login, every keystroke a WebDriver
 * round trip, can pass the unit tests' 10 s.
 */
export const E2E_TIMEOUT = 30_000;

/** What the demo server answers at /demo-config.json. */
export interface DemoConfig {
  organizations: SeedOrganization[];
  emulator: { base: string; project_id: string; secret: string };
}

export async function demoConfig(): Promise<DemoConfig> {
  return (await fetch('/demo-config.json')).json();
}

export async function organization(policy: SeedOrganization['mfa_policy']) {
  const org = (await demoConfig()).organizations.find((o) => o.mfa_policy === policy);
  if (!org) throw new Error(`no seeded ${policy} organization`);
  return org;
}

/** A fresh address in a domain the organization provisions just in time. */
export function newEmail(org: SeedOrganization) {
  return `e2e-${crypto.randomUUID().slice(0, 8)}@${org.email_allowed_domains[0]}`;
}

/** A fresh phone number in the reserved 555-01xx range. */
export function newPhone() {
  return `+1555555${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;
}

/** Reads a member through the emulator's Stytch-compatible API, as a back end would. */
export async function emulatorMember(organizationId: string, memberId: string) {
  const { emulator } = await demoConfig();
  const response = await fetch(
    `${emulator.base}/v1/b2b/organizations/${organizationId}/member?member_id=${memberId}`,
    { headers: { authorization: `Basic ${btoa(`${emulator.project_id}:${emulator.secret}`)}` } },
  );
  return (await response.json()).member;
}

export interface BrowserCookie {
  name: string;
  httpOnly: boolean;
  sameSite: string;
}

export function browserCookies() {
  return executeServerCommand<BrowserCookie[], undefined>('browser-cookies');
}

export function tokensVisibleToScripts() {
  const stores = [
    document.cookie,
    JSON.stringify({ ...localStorage }),
    JSON.stringify({ ...sessionStorage }),
  ];
  return stores.some((s) => /otp_session|otp_ist|session_token|session_jwt|intermediate/.test(s));
}

export async function logout() {
  await fetch('/api/logout', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-otp-auth': '1' },
    body: '{}',
  });
}

/**
 * Logs out and empties the browser's cookie jar through the engine's automation. An engine's test
 * files share one jar, so a cookie left by another file would otherwise show up in this one's
 * assertions about what a login set.
 */
export async function freshBrowser() {
  await logout();
  const left = await executeServerCommand<BrowserCookie[], undefined>('clear-cookies');
  if (left.length) throw new Error(`Cookies left: ${left.map((c) => c.name).join(', ')}`);
}

/** Removes the test's elements first, so no request of theirs lands after the jar is emptied. */
export async function cleanUp() {
  fixtureCleanup();
  await freshBrowser();
}

export function emailAuth(org: SeedOrganization) {
  return fixture<OtpEmailAuth>(
    html`<otp-email-auth organization-id=${org.organization_id}></otp-email-auth>`,
  );
}

/** Types into `selector` and presses Enter like a user; resolves with the `otp-code-sent` detail. */
async function submitForCode(el: HTMLElement, selector: string, text: string) {
  const sent = oneEvent(el, 'otp-code-sent');
  await typeInto(await waitUntilFound(el.shadowRoot!, selector), text);
  await sendKeys({ press: 'Enter' });
  return (await sent).detail;
}

export const submitEmail = (el: HTMLElement, email: string) =>
  submitForCode(el, 'input[type=email]', email);

export const submitPhone = (el: HTMLElement, phone: string) =>
  submitForCode(el, 'input[type=tel]', phone);

/** Types the code into `el`'s code field; resolves with the detail of the event `name` it causes. */
export async function submitCode<K extends keyof GlobalEventHandlersEventMap>(
  el: HTMLElement,
  code: string,
  name: K,
): Promise<GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never> {
  const event = oneEvent(el, name);
  await typeInto(await waitUntilFound(el.shadowRoot!, CODE_INPUT), code);
  return ((await event) as CustomEvent).detail;
}
