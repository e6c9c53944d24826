// Shared setup for the emulator suites: a controllable clock, a small API client and flow helpers.

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core } from '../../src/emulator/core.js';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js';
import { SigningKeys } from '../../src/emulator/keys.js';
import { Records } from '../../src/emulator/records.js';

export const MINUTE = 60_000;

export class FakeClock {
  constructor(public time = Date.UTC(2030, 0, 1, 9, 0, 0)) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface Reply {
  status: number;
  // Tests read arbitrary fields of Stytch's answers.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export interface RequestOptions {
  auth?: string | false;
  headers?: Record<string, string>;
  /** Sent as-is instead of JSON.stringify(body). */
  raw?: BodyInit;
}

export const basicAuth = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** An emulator with a fake clock and captured log lines, plus helpers speaking its HTTP API. */
export class TestApi {
  constructor(
    readonly emulator: Emulator,
    readonly clock: FakeClock,
    readonly lines: string[],
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<Reply> {
    const headers = new Headers(options.headers);
    if (options.auth !== false) {
      headers.set(
        'authorization',
        options.auth ?? basicAuth(this.emulator.projectId, this.emulator.secret),
      );
    }
    let payload: BodyInit | undefined = options.raw;
    if (payload === undefined && body !== undefined) {
      payload = JSON.stringify(body);
      headers.set('content-type', 'application/json');
    }
    const response = await this.emulator.fetch(
      new Request(`http://emulator.test${path}`, { method, headers, body: payload }),
    );
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    return { status: response.status, body: json, headers: response.headers };
  }

  post = (path: string, body?: unknown, options?: RequestOptions) =>
    this.request('POST', path, body ?? {}, options);
  get = (path: string, options?: RequestOptions) => this.request('GET', path, undefined, options);
  put = (path: string, body: unknown) => this.request('PUT', path, body);

  /** Creates an organization through the API (asserts 200) and returns it. */
  async createOrg(fields: Record<string, unknown> = {}) {
    const reply = await this.post('/v1/b2b/organizations', {
      organization_name: `Org ${Math.random().toString(36).slice(2, 8)}`,
      ...fields,
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body.organization;
  }

  async createMember(organizationId: string, email: string, fields: Record<string, unknown> = {}) {
    const reply = await this.post(`/v1/b2b/organizations/${organizationId}/members`, {
      email_address: email,
      ...fields,
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body.member;
  }

  /** The newest code the outbox holds for `to`. */
  lastCode(to: string): string {
    const message = this.emulator
      .outbox()
      .filter((m) => m.to === to)
      .at(-1);
    assert.ok(message, `no message for ${to} in the outbox`);
    return message.code;
  }

  sendEmail(organizationId: string, email: string, extra: Record<string, unknown> = {}) {
    return this.post('/v1/b2b/otps/email/login_or_signup', {
      organization_id: organizationId,
      email_address: email,
      ...extra,
    });
  }

  authenticateEmail(
    organizationId: string,
    email: string,
    code: string,
    extra: Record<string, unknown> = {},
  ) {
    return this.post('/v1/b2b/otps/email/authenticate', {
      organization_id: organizationId,
      email_address: email,
      code,
      ...extra,
    });
  }

  /** login_or_signup then authenticate with the code from the outbox. */
  async emailLogin(organizationId: string, email: string, extra: Record<string, unknown> = {}) {
    const sent = await this.sendEmail(organizationId, email);
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    return this.authenticateEmail(organizationId, email, this.lastCode(email), extra);
  }

  sendSms(organizationId: string, memberId: string, extra: Record<string, unknown> = {}) {
    return this.post('/v1/b2b/otps/sms/send', {
      organization_id: organizationId,
      member_id: memberId,
      ...extra,
    });
  }

  authenticateSms(
    organizationId: string,
    memberId: string,
    code: string,
    extra: Record<string, unknown> = {},
  ) {
    return this.post('/v1/b2b/otps/sms/authenticate', {
      organization_id: organizationId,
      member_id: memberId,
      code,
      ...extra,
    });
  }

  /** Discovery send, then authenticate with the code from the outbox (asserts 200). */
  async discover(email: string) {
    const sent = await this.post('/v1/b2b/otps/email/discovery/send', { email_address: email });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const reply = await this.post('/v1/b2b/otps/email/discovery/authenticate', {
      email_address: email,
      code: this.lastCode(email),
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body;
  }

  /** A full session for an active member of an OPTIONAL organization. */
  async session(organizationId: string, email: string) {
    const reply = await this.emailLogin(organizationId, email);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(reply.body.member_authenticated, true);
    return reply.body;
  }
}

export async function setup(options: EmulatorOptions = {}): Promise<TestApi> {
  const clock = new FakeClock();
  const lines: string[] = [];
  const emulator = await createEmulator({ clock, log: (line) => lines.push(line), ...options });
  return new TestApi(emulator, (options.clock as FakeClock | undefined) ?? clock, lines);
}

/** An emulator with one OPTIONAL and one REQUIRED_FOR_ALL organization and a member in each. */
export async function setupOrgs(options: EmulatorOptions = {}) {
  const api = await setup(options);
  const optional = await api.createOrg({
    organization_name: 'Optional Co',
    mfa_policy: 'OPTIONAL',
  });
  const required = await api.createOrg({
    organization_name: 'Required Co',
    mfa_policy: 'REQUIRED_FOR_ALL',
  });
  const ada = await api.createMember(optional.organization_id, 'ada@optional.test');
  const bob = await api.createMember(required.organization_id, 'bob@required.test');
  return { api, optional, required, ada, bob };
}

/** The phone number MFA tests link to their members. */
export const MFA_PHONE = '+15555550111';

/** Email step for a member of a REQUIRED_FOR_ALL organization: returns the IST. */
export async function primaryIst(api: TestApi, orgId: string, email: string): Promise<string> {
  const reply = await api.emailLogin(orgId, email);
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  assert.equal(reply.body.member_authenticated, false);
  return reply.body.intermediate_session_token;
}

/** Email step, then an SMS code sent to MFA_PHONE, which gets linked to the member. */
export async function smsSent(api: TestApi, orgId: string, memberId: string, email: string) {
  const ist = await primaryIst(api, orgId, email);
  const sent = await api.sendSms(orgId, memberId, {
    mfa_phone_number: MFA_PHONE,
    intermediate_session_token: ist,
  });
  return { ist, sent };
}

/** `setupOrgs()` with bob (REQUIRED_FOR_ALL, no phone yet) past his email code and texted a code. */
export async function bobWithSmsSent(options: EmulatorOptions = {}) {
  const orgs = await setupOrgs(options);
  const { ist, sent } = await smsSent(
    orgs.api,
    orgs.required.organization_id,
    orgs.bob.member_id,
    'bob@required.test',
  );
  return { ...orgs, ist, sent };
}

export async function tempDir(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'otp-emulator-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export function assertStytchError(reply: Reply, status: number, errorType: string): void {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.equal(reply.body.status_code, status);
  assert.equal(reply.body.error_type, errorType);
  assert.match(reply.body.request_id, /^request-id-test-[0-9a-f-]{36}$/);
  assert.equal(typeof reply.body.error_message, 'string');
  assert.ok(reply.body.error_message.length > 0);
  assert.match(reply.body.error_url, /^https:\/\/stytch\.com\/docs\/api\/errors\//);
}

/** Signing keys for {@link bareCore}; load them once per file (`before`). */
export const testKeys = (): Promise<SigningKeys> => SigningKeys.load(undefined, Date.now());

/** A core over `records` on `clock`, with no HTTP and no data file: for tests of its state. */
export function bareCore(keys: SigningKeys, records = new Records(), clock = new FakeClock()) {
  const core = new Core({
    projectId: 'project-test-00000000-0000-0000-0000-000000000000',
    secret: 'secret-test',
    now: () => clock.now(),
    log: () => {},
    records,
    keys,
    userLock: { threshold: 10, ttlMs: 60 * MINUTE },
    smsCallingCodes: ['1'],
  });
  return { core, records, clock };
}
