// Helpers for end-to-end tests against the real gateway and emulator behind the test server.
import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { OtpEmailAuth } from '../../../src/index.js';

export const CODE_INPUT = 'input[autocomplete=one-time-code]';

export interface SeedMember {
  member_id: string;
  email_address: string;
  mfa_phone_number: string;
  mfa_phone_number_verified: boolean;
}
export interface SeedOrganization {
  organization_id: string;
  organization_name: string;
  mfa_policy: 'OPTIONAL' | 'REQUIRED_FOR_ALL';
  email_allowed_domains: string[];
  members: SeedMember[];
}
export interface DemoConfig {
  organizations: SeedOrganization[];
  emulator: { base: string; project_id: string; secret: string };
}
export interface OutboxMessage {
  channel: 'email' | 'sms';
  to: string;
  code: string;
  organization_id: string;
  member_id: string;
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

export async function outbox(): Promise<OutboxMessage[]> {
  const response = await fetch('/__dev/outbox', { headers: { accept: 'application/json' } });
  return (await response.json()).messages;
}

export async function messagesTo(to: string, channel: OutboxMessage['channel']) {
  return (await outbox()).filter((m) => m.to === to && m.channel === channel);
}

/** The newest code sent to `to`, waiting for it to arrive. */
export async function latestCode(to: string, channel: OutboxMessage['channel'], after = 0) {
  let found: OutboxMessage[] = [];
  await waitUntil(
    async () => (found = await messagesTo(to, channel)).length > after,
    `no ${channel} code for ${to}`,
  );
  return found[found.length - 1].code;
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

/** Focuses `selector` (looked up through open shadow roots) and types like a user. */
export async function typeInto(root: ParentNode, selector: string, text: string) {
  const target = await waitUntilFound(root, selector);
  target.focus();
  // One key at a time: WebKit's driver collapses repeated characters sent in one string.
  for (const key of text) await sendKeys({ type: key });
}

export async function waitUntilFound<T extends HTMLElement>(root: ParentNode, selector: string) {
  let found: T | null = null;
  await waitUntil(() => (found = deepQuery<T>(root, selector)), `${selector} never appeared`);
  return found!;
}

/** querySelector that also looks inside open shadow roots. */
export function deepQuery<T extends Element>(root: ParentNode, selector: string): T | null {
  const direct = root.querySelector<T>(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    const found = el.shadowRoot && deepQuery<T>(el.shadowRoot, selector);
    if (found) return found;
  }
  return null;
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

export function emailAuth(org: SeedOrganization) {
  return fixture<OtpEmailAuth>(
    html`<otp-email-auth organization-id=${org.organization_id}></otp-email-auth>`,
  );
}

/** Types into `selector` and presses Enter like a user; resolves with the `otp-code-sent` detail. */
async function submitForCode(el: HTMLElement, selector: string, text: string) {
  const sent = oneEvent(el, 'otp-code-sent');
  await typeInto(el.shadowRoot!, selector, text);
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
  await typeInto(el.shadowRoot!, CODE_INPUT, code);
  return ((await event) as CustomEvent).detail;
}
