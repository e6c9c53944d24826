// The gateway in front of an in-process emulator, and a browser that keeps the gateway's cookies.
import assert from 'node:assert/strict';
import { createEmulator, type Clock, type Emulator } from '../../src/emulator/index.js';
import { createGateway, type GatewayOptions } from '../../src/gateway/index.js';
import { BrowserJar, EMAIL_AUTH, EMAIL_LOGIN, apiRequest } from './support.js';

export const TOKEN_FIELDS = ['session_token', 'session_jwt', 'intermediate_session_token'];

/** The fields of gateway answers the tests read. */
export interface Answer {
  status_code: number;
  error_type?: string;
  member_id: string;
  organization_id?: string;
  member_authenticated?: boolean;
  member: {
    member_id: string;
    email_address: string;
    mfa_enrolled?: boolean;
    mfa_phone_number?: string;
    trusted_metadata?: unknown;
  };
  organization: { organization_id: string };
  member_session: { expires_at: string; authentication_factors: { type: string }[] } | null;
  mfa_required: {
    secondary_auth_initiated: string | null;
    member_options?: { mfa_phone_number: string } | null;
  } | null;
  session_token?: string;
  session_jwt?: string;
}

export interface Exchange {
  response: Response;
  body: Answer;
}

export interface Browser {
  jar: BrowserJar;
  post(path: string, body?: unknown): Promise<Exchange>;
  get(path: string): Promise<Exchange>;
}

/** A browser on `base`, keeping the gateway's cookies between requests. */
export function browser(gateway: (request: Request) => Promise<Response>, base: string): Browser {
  const jar = new BrowserJar();
  const send = async (request: Request) => {
    const response = await gateway(request);
    jar.update(response);
    return { response, body: (await response.json()) as Answer };
  };
  return {
    jar,
    post: (path, body = {}) => send(apiRequest(path, { base, body, cookie: jar.header() })),
    get: (path) => send(apiRequest(path, { base, method: 'GET', cookie: jar.header() })),
  };
}

export function assertNoTokens(body: object) {
  for (const field of TOKEN_FIELDS) assert.equal(field in body, false, `${field} in body`);
}

/** A seeded in-memory emulator with helpers to reach it through gateways; `clock` for its expiries. */
export async function emulated(log: string[] = [], clock?: Clock) {
  const emulator: Emulator = await createEmulator({
    seed: true,
    log: (line) => log.push(line),
    clock,
  });
  const gatewayFor = (options: Partial<GatewayOptions> = {}) =>
    createGateway({
      projectId: emulator.projectId,
      secret: emulator.secret,
      upstream: 'http://emulator.invalid',
      fetch: (input, init) => emulator.fetch(new Request(input, init)),
      ...options,
    });
  const org = (policy: 'OPTIONAL' | 'REQUIRED_FOR_ALL') => {
    const found = emulator.seedInfo?.organizations.find((o) => o.mfa_policy === policy);
    assert.ok(found, `seeded ${policy} organization`);
    return found;
  };
  const lastCode = (channel: 'email' | 'sms', to: string) => {
    const message = emulator.outbox().findLast((m) => m.channel === channel && m.to === to);
    assert.ok(message, `a ${channel} to ${to} in the outbox`);
    return message.code;
  };
  /** Sends the email code and signs in with it. */
  async function emailLogin(user: Browser, organizationId: string, email: string, extra = {}) {
    const sent = await user.post(EMAIL_LOGIN, {
      organization_id: organizationId,
      email_address: email,
    });
    assert.equal(sent.response.status, 200, JSON.stringify(sent.body));
    return user.post(EMAIL_AUTH, {
      organization_id: organizationId,
      email_address: email,
      code: lastCode('email', email),
      ...extra,
    });
  }
  return { emulator, gatewayFor, org, lastCode, emailLogin };
}
