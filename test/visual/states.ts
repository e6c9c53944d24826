// Every state a member meets in the flow elements, reached the same way in every engine: the
// element is mounted with a scripted API (FakeOtpApi) and a FakeClock, and driven from script
// (values set, forms submitted, the clock moved). Used by the screenshot fixture (Chromium) and by
// the accessibility tests (all three engines), so both look at the very same states.
import '../../src/define/email-auth.js';
import '../../src/define/sms-stepup.js';
import type { MfaRequired } from '../../src/client/types.js';
import {
  Deferred,
  EMAIL,
  FakeOtpApi,
  ORG_ID,
  discovered,
  discoveryAuthenticateResponse,
  emailAuthenticateResponse,
  loginOrSignupResponse,
  member,
  organization,
  otpError,
  smsAuthenticateResponse,
  smsSendResponse,
} from '../browser/support/fake-api.js';
import { deepQuery as query } from '../browser/support/deep-query.js';
import { FakeClock } from '../browser/support/fake-clock.js';

export const PHONE = '+15555550123';
const enrolled = member({ mfa_phone_number: PHONE, mfa_phone_number_verified: true });
const smsSent: MfaRequired = {
  member_options: { mfa_phone_number: PHONE, totp_registration_id: '' },
  secondary_auth_initiated: 'sms_otp',
};
const noPhone: MfaRequired = { member_options: null, secondary_auth_initiated: null };

type Flow = HTMLElement & { updateComplete: Promise<unknown> };

export interface Mounted {
  /** The element the page placed. */
  el: Flow;
  api: FakeOtpApi;
  clock: FakeClock;
}

interface Scenario {
  tag: 'otp-email-auth' | 'otp-sms-stepup';
  /** Attributes beyond the defaults (`organization-id`). */
  attrs?: Record<string, string>;
  /** Light-DOM children (slots). */
  children?: string;
  /** Properties set before connection. */
  props?: Record<string, unknown>;
  /** Answers the element needs as soon as it connects. */
  answers?: (api: FakeOtpApi) => void;
  /** Drives the mounted element into the state. */
  drive?: (m: Mounted) => Promise<unknown>;
  /** False when the element version at hand lacks the feature. */
  available?: () => boolean;
}

// ---- driving helpers (no key events: the same in every engine and in a plain page) ----

/** Waits (polling, real time only to wait for renders) until `check` gives something. */
export async function until<T>(
  check: () => T | null | undefined | false,
  what: string,
): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const found = check();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`state never reached: ${what}`);
}

const within = (m: Mounted) => m.el.shadowRoot!;

/** Sets a field's value as typing would (an input event) and submits its form. */
async function fillAndSubmit(m: Mounted, selector: string, value: string): Promise<void> {
  const input = await until(() => query<HTMLInputElement>(within(m), selector), selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.form!.requestSubmit();
}

/** The code field of the step shown (innermost flow element). */
async function codeField(m: Mounted) {
  return until(
    () => query<HTMLElement & { value: string }>(within(m), 'otp-code-field'),
    'the code step',
  );
}

async function submitCode(m: Mounted, code = '123456'): Promise<void> {
  const field = await codeField(m);
  field.value = code;
  (field.closest('form') as HTMLFormElement).requestSubmit();
}

/** The code that ends the flow: answered, then no code field is left (inline step included). */
async function lastCode(
  m: Mounted,
  method: 'emailAuthenticate' | 'smsAuthenticate',
  answer: unknown,
) {
  m.api.on(method, answer);
  await submitCode(m);
  await until(() => !query(within(m), 'otp-code-field'), 'the success state');
}

const text = (m: Mounted, selector: string) =>
  (query(within(m), selector)?.textContent ?? '').trim();

async function toCodeStep(m: Mounted): Promise<void> {
  m.api.on('emailLoginOrSignup', loginOrSignupResponse());
  await fillAndSubmit(m, 'input[type=email]', EMAIL);
  await codeField(m);
}

async function toInlineMfa(m: Mounted, mfa: MfaRequired, who = enrolled): Promise<void> {
  await toCodeStep(m);
  m.api.on('emailAuthenticate', emailAuthenticateResponse({ mfa, member: who }));
  await submitCode(m);
  await until(() => query(within(m), 'otp-sms-stepup'), 'the inline SMS step');
}

async function toEnrollCode(m: Mounted): Promise<void> {
  await toInlineMfa(m, noPhone, member());
  m.api.on('smsSend', smsSendResponse({ mfa_phone_number: PHONE }));
  await fillAndSubmit(m, 'input[type=tel]', '(555) 555-0123');
  await until(() => query(within(m), 'otp-code-field'), 'the SMS code step');
}

/** Step-up for a member with a verified phone: the SMS goes out on arrival. */
const stepUp = {
  tag: 'otp-sms-stepup',
  attrs: { mode: 'step-up' },
  props: { member: enrolled, organization: organization() },
  answers: (api: FakeOtpApi) => api.on('smsSend', smsSendResponse()),
} as const;

const hasDiscovery = () => 'discovery' in document.createElement('otp-email-auth');

// ---- the states ----

export const STATES = {
  email: { tag: 'otp-email-auth' },
  'email-branded': {
    tag: 'otp-email-auth',
    attrs: { 'organization-name': 'Acme Corp' },
    children: `<svg slot="logo" role="img" aria-label="Acme Corp" width="40" height="40" viewBox="0 0 40 40"><rect width="40" height="40" rx="8" fill="#0f766e"/><path d="M11 29 20 10l9 19h-5l-4-9-4 9z" fill="#fff"/></svg>`,
  },
  'email-invalid': {
    tag: 'otp-email-auth',
    drive: async (m) => {
      await fillAndSubmit(m, 'input[type=email]', 'ada@');
      await until(() => text(m, '[role=alert]'), 'the email error');
    },
  },
  'email-busy': {
    tag: 'otp-email-auth',
    drive: async (m) => {
      m.api.on('emailLoginOrSignup', new Deferred());
      await fillAndSubmit(m, 'input[type=email]', EMAIL);
      await until(() => query(within(m), '[part=spinner]'), 'the spinner');
    },
  },
  'email-network-error': {
    tag: 'otp-email-auth',
    drive: async (m) => {
      m.api.on('emailLoginOrSignup', otpError('network_error', 0));
      await fillAndSubmit(m, 'input[type=email]', EMAIL);
      await until(() => text(m, '[role=alert]'), 'the network error');
    },
  },
  code: { tag: 'otp-email-auth', drive: toCodeStep },
  'code-busy': {
    tag: 'otp-email-auth',
    drive: async (m) => {
      await toCodeStep(m);
      m.api.on('emailAuthenticate', new Deferred());
      await submitCode(m);
      await until(() => query(within(m), '[part=spinner]'), 'the spinner');
    },
  },
  'code-wrong': {
    tag: 'otp-email-auth',
    drive: async (m) => {
      await toCodeStep(m);
      m.api.on('emailAuthenticate', otpError('otp_code_not_found', 404));
      await submitCode(m);
      await until(() => codeError(m), 'the wrong-code message');
    },
  },
  'code-lockout': {
    tag: 'otp-email-auth',
    drive: async (m) => {
      await toCodeStep(m);
      m.api.on('emailAuthenticate', otpError('too_many_requests', 429, { retryAfter: 900 }));
      await submitCode(m);
      await until(() => text(m, '[role=alert]'), 'the lockout message');
    },
  },
  'code-expired': {
    tag: 'otp-email-auth',
    drive: async (m) => {
      await toCodeStep(m);
      m.clock.advance(600_000);
      await until(() => codeError(m), 'the expiry message');
    },
  },
  'code-resent': {
    tag: 'otp-email-auth',
    drive: async (m) => {
      await toCodeStep(m);
      m.clock.advance(30_000);
      m.api.on('emailLoginOrSignup', loginOrSignupResponse());
      const resend = await until(
        () => query<HTMLButtonElement>(within(m), '[part=secondary-button]'),
        'resend',
      );
      await until(() => resend.getAttribute('aria-disabled') === 'false', 'cooldown over');
      resend.click();
      await until(() => m.api.bodies('emailLoginOrSignup').length === 2, 'the resend');
      await until(
        () => query(within(m), '[part=secondary-button][aria-disabled=true]'),
        'new wait',
      );
    },
  },
  'mfa-sms': { tag: 'otp-email-auth', drive: (m) => toInlineMfa(m, smsSent) },
  'mfa-enroll-phone': {
    tag: 'otp-email-auth',
    drive: async (m) => {
      await toInlineMfa(m, noPhone, member());
      await until(() => query(within(m), 'input[type=tel]'), 'the phone step');
    },
  },
  'mfa-enroll-code': { tag: 'otp-email-auth', drive: toEnrollCode },
  success: {
    tag: 'otp-email-auth',
    drive: async (m) => {
      await toCodeStep(m);
      await lastCode(m, 'emailAuthenticate', emailAuthenticateResponse());
    },
  },
  'mfa-success': {
    tag: 'otp-email-auth',
    children: '<p slot="success">Welcome back, Ada.</p>',
    drive: async (m) => {
      await toInlineMfa(m, smsSent);
      await lastCode(m, 'smsAuthenticate', smsAuthenticateResponse());
    },
  },
  'step-up-code': { ...stepUp, drive: codeField },
  'step-up-enroll-phone': {
    tag: 'otp-sms-stepup',
    attrs: { mode: 'step-up', 'set-mfa-enrollment': 'enroll' },
    props: { member: member(), organization: organization() },
    drive: async (m) => {
      await until(() => query(within(m), 'input[type=tel]'), 'the phone step');
    },
  },
  'step-up-cancelled': {
    ...stepUp,
    drive: async (m) => {
      await codeField(m);
      const cancel = await until(
        () => query<HTMLButtonElement>(within(m), '.links [part=secondary-button]'),
        'cancel',
      );
      cancel.click();
      await until(() => !query(within(m), 'otp-code-field'), 'cancelled');
    },
  },
  'step-up-done': {
    ...stepUp,
    drive: async (m) => {
      await codeField(m);
      await lastCode(m, 'smsAuthenticate', smsAuthenticateResponse());
    },
  },
  'step-up-session-expired': {
    ...stepUp,
    answers: (api) => api.on('smsSend', otpError('session_not_found', 404)),
    drive: (m) => until(() => text(m, '[role=alert]'), 'the start-again step'),
  },
  'discovery-organizations': {
    tag: 'otp-email-auth',
    attrs: { discovery: '' },
    available: hasDiscovery,
    drive: async (m) => {
      m.api.on('discoverySend', { request_id: 'r', status_code: 200 });
      await fillAndSubmit(m, 'input[type=email]', EMAIL);
      await codeField(m);
      m.api.on(
        'discoveryAuthenticate',
        discoveryAuthenticateResponse([
          discovered({ organization_id: 'organization-acme', organization_name: 'Acme Corp' }),
          discovered(
            { organization_id: 'organization-globex', organization_name: 'Globex' },
            'invited_member',
          ),
          discovered(
            { organization_id: 'organization-initech', organization_name: 'Initech' },
            'eligible_to_join_by_email_domain',
          ),
        ]),
      );
      await submitCode(m);
      await until(() => query(within(m), '[part~=organization]'), 'the organization list');
    },
  },
} satisfies Record<string, Scenario>;

export type StateName = keyof typeof STATES;

/** The states this version of the elements has (discovery only once it exists). */
export function stateNames(): StateName[] {
  return (Object.keys(STATES) as StateName[]).filter((name) => {
    const s: Scenario = STATES[name];
    return s.available?.() ?? true;
  });
}

function codeError(m: Mounted): string {
  const field = query(within(m), 'otp-code-field');
  return (field?.shadowRoot?.querySelector('[role=alert]')?.textContent ?? '').trim();
}

/** Mounts `name` in `container` and drives it there; resolves once it shows the state. */
export async function mountState(
  name: StateName,
  container: HTMLElement,
  extra: Record<string, string> = {},
): Promise<Mounted> {
  const s: Scenario = STATES[name];
  const api = new FakeOtpApi();
  const clock = new FakeClock();
  const el = document.createElement(s.tag) as Flow;
  if (!s.attrs || !('discovery' in s.attrs)) el.setAttribute('organization-id', ORG_ID);
  for (const [k, v] of Object.entries({ ...s.attrs, ...extra })) el.setAttribute(k, v);
  Object.assign(el, { client: api, clock }, s.props);
  s.answers?.(api);
  if (s.children) el.innerHTML = s.children;
  container.append(el);
  await el.updateComplete;
  const m = { el, api, clock };
  await s.drive?.(m);
  await settled(el);
  return m;
}

/** Every flow element inside has rendered, twice over (updates that cause updates). */
export async function settled(el: Element): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    const flows = [el, ...deepAll(el)].filter(
      (e): e is Flow => 'updateComplete' in e && e instanceof HTMLElement,
    );
    await Promise.all(flows.map((f) => f.updateComplete));
  }
}

function deepAll(el: Element): Element[] {
  const root = el.shadowRoot;
  if (!root) return [];
  return [...root.querySelectorAll('*')].flatMap((e) => [e, ...deepAll(e)]);
}
