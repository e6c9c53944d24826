import { expect } from '@open-wc/testing';
import { createOtpClient, OtpAuthError } from './index.js';
import type {
  EmailAuthenticateRequest,
  EmailAuthenticateResponse,
  Member,
  MemberSession,
  Organization,
  OtpApi,
} from './index.js';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch double recording every call and answering with `respond`. */
function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    return respond(call);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function otpError(promise: Promise<unknown>): Promise<OtpAuthError> {
  const error = await rejection(promise);
  expect(error).to.be.instanceOf(OtpAuthError);
  return error as OtpAuthError;
}

const ORG_ID = 'organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931';
const MEMBER_ID = 'member-test-32fc5024-9c09-4da3-bd2e-c9ce4da9375f';
const member: Member = {
  member_id: MEMBER_ID,
  organization_id: ORG_ID,
  email_address: 'ada@example.com',
  status: 'active',
};
const organization: Organization = {
  organization_id: ORG_ID,
  organization_name: 'Example',
  organization_slug: 'example',
};
const memberSession: MemberSession = {
  member_session_id: 'member-session-test-1',
  member_id: MEMBER_ID,
  organization_id: ORG_ID,
  started_at: '2030-01-01T00:00:00Z',
  last_accessed_at: '2030-01-01T00:00:00Z',
  expires_at: '2030-01-01T01:00:00Z',
  authentication_factors: [],
};
const base = { request_id: 'request-id-test-1', status_code: 200 };

const expectedHeaders = {
  'content-type': 'application/json',
  accept: 'application/json',
  'x-otp-auth': '1',
};
const headersOf = (call: Call) => Object.fromEntries(new Headers(call.init.headers));

describe('createOtpClient', () => {
  describe('requests', () => {
    const cases: {
      name: string;
      run: (api: OtpApi) => Promise<unknown>;
      method: string;
      path: string;
      body: string | undefined;
      response: object;
    }[] = [
      {
        name: 'emailLoginOrSignup',
        run: (api) =>
          api.emailLoginOrSignup({ organization_id: ORG_ID, email_address: 'ada@example.com' }),
        method: 'POST',
        path: '/api/v1/b2b/otps/email/login_or_signup',
        body: `{"organization_id":"${ORG_ID}","email_address":"ada@example.com"}`,
        response: { ...base, member_id: MEMBER_ID, member_created: false, member, organization },
      },
      {
        name: 'emailAuthenticate',
        run: (api) =>
          api.emailAuthenticate({
            organization_id: ORG_ID,
            email_address: 'ada@example.com',
            code: '123456',
            session_duration_minutes: 60,
          }),
        method: 'POST',
        path: '/api/v1/b2b/otps/email/authenticate',
        body: `{"organization_id":"${ORG_ID}","email_address":"ada@example.com","code":"123456","session_duration_minutes":60}`,
        response: {
          ...base,
          member_id: MEMBER_ID,
          organization_id: ORG_ID,
          member,
          organization,
          member_session: memberSession,
          member_authenticated: true,
          mfa_required: null,
        },
      },
      {
        name: 'smsSend',
        run: (api) =>
          api.smsSend({
            organization_id: ORG_ID,
            member_id: MEMBER_ID,
            mfa_phone_number: '+15005550006',
          }),
        method: 'POST',
        path: '/api/v1/b2b/otps/sms/send',
        body: `{"organization_id":"${ORG_ID}","member_id":"${MEMBER_ID}","mfa_phone_number":"+15005550006"}`,
        response: { ...base, member_id: MEMBER_ID, member, organization },
      },
      {
        name: 'smsAuthenticate',
        run: (api) =>
          api.smsAuthenticate({
            organization_id: ORG_ID,
            member_id: MEMBER_ID,
            code: '654321',
            set_mfa_enrollment: 'enroll',
          }),
        method: 'POST',
        path: '/api/v1/b2b/otps/sms/authenticate',
        body: `{"organization_id":"${ORG_ID}","member_id":"${MEMBER_ID}","code":"654321","set_mfa_enrollment":"enroll"}`,
        response: {
          ...base,
          member_id: MEMBER_ID,
          member,
          organization,
          member_session: memberSession,
        },
      },
      {
        name: 'discoverySend',
        run: (api) => api.discoverySend({ email_address: 'ada@example.com', locale: 'en' }),
        method: 'POST',
        path: '/api/v1/b2b/otps/email/discovery/send',
        body: '{"email_address":"ada@example.com","locale":"en"}',
        response: base,
      },
      {
        name: 'discoveryAuthenticate',
        run: (api) =>
          api.discoveryAuthenticate({ email_address: 'ada@example.com', code: '123456' }),
        method: 'POST',
        path: '/api/v1/b2b/otps/email/discovery/authenticate',
        body: '{"email_address":"ada@example.com","code":"123456"}',
        response: { ...base, email_address: 'ada@example.com', discovered_organizations: [] },
      },
      {
        name: 'listDiscoveredOrganizations',
        run: (api) => api.listDiscoveredOrganizations(),
        method: 'POST',
        path: '/api/v1/b2b/discovery/organizations',
        body: '{}',
        response: { ...base, discovered_organizations: [], organization_id_hint: null },
      },
      {
        name: 'exchangeIntermediateSession',
        run: (api) => api.exchangeIntermediateSession({ organization_id: ORG_ID }),
        method: 'POST',
        path: '/api/v1/b2b/discovery/intermediate_sessions/exchange',
        body: `{"organization_id":"${ORG_ID}"}`,
        response: { ...base, member, organization, member_session: memberSession },
      },
      {
        name: 'createOrganizationViaDiscovery',
        run: (api) =>
          api.createOrganizationViaDiscovery({
            organization_name: 'NewCo',
            organization_slug: 'newco',
          }),
        method: 'POST',
        path: '/api/v1/b2b/discovery/organizations/create',
        body: '{"organization_name":"NewCo","organization_slug":"newco"}',
        response: { ...base, member, organization, member_session: memberSession },
      },
      {
        name: 'exchangeSession',
        run: (api) =>
          api.exchangeSession({ organization_id: ORG_ID, session_duration_minutes: 30 }),
        method: 'POST',
        path: '/api/v1/b2b/sessions/exchange',
        body: `{"organization_id":"${ORG_ID}","session_duration_minutes":30}`,
        response: { ...base, member, organization, member_session: memberSession },
      },
      {
        name: 'session',
        run: (api) => api.session(),
        method: 'GET',
        path: '/api/session',
        body: undefined,
        response: { ...base, member, organization, member_session: memberSession },
      },
      {
        name: 'logout',
        run: (api) => api.logout(),
        method: 'POST',
        path: '/api/logout',
        body: '{}',
        response: base,
      },
    ];

    for (const c of cases) {
      it(`${c.name} sends ${c.method} ${c.path} and returns the parsed response`, async () => {
        const { fetch, calls } = fakeFetch(() => json(c.response));
        const result = await c.run(createOtpClient({ fetch }));

        expect(calls).to.have.length(1);
        const [{ url, init }] = calls;
        expect(url).to.equal(c.path);
        expect(init.method).to.equal(c.method);
        expect(headersOf(calls[0])).to.deep.equal(expectedHeaders);
        expect(init.body).to.equal(c.body);
        expect(init.credentials).to.equal('same-origin');
        expect(init.cache).to.equal('no-store');
        expect(init.signal).to.be.instanceOf(AbortSignal);
        expect(result).to.deep.equal(c.response);
      });
    }

    it('joins baseUrl with or without a trailing slash', async () => {
      const { fetch, calls } = fakeFetch(() => json(base));
      await createOtpClient({ fetch, baseUrl: '/auth/' }).logout();
      await createOtpClient({ fetch, baseUrl: 'https://auth.example.com/gw//' }).session();
      await createOtpClient({ fetch, baseUrl: '/auth' }).smsSend({
        organization_id: ORG_ID,
        member_id: MEMBER_ID,
      });
      expect(calls.map((c) => c.url)).to.deep.equal([
        '/auth/logout',
        'https://auth.example.com/gw/session',
        '/auth/v1/b2b/otps/sms/send',
      ]);
    });

    it('passes credentials and extra headers, keeping its own three headers', async () => {
      const { fetch, calls } = fakeFetch(() => json(base));
      const api = createOtpClient({
        fetch,
        credentials: 'include',
        headers: { 'X-Tenant': 'acme', 'X-OTP-Auth': '0', Accept: 'text/html' },
      });
      await api.logout();
      expect(calls[0].init.credentials).to.equal('include');
      expect(headersOf(calls[0])).to.deep.equal({ ...expectedHeaders, 'x-tenant': 'acme' });
    });

    it('tolerates absent optional response fields', async () => {
      // An MFA-pending answer from a gateway that strips tokens: no member_session, no tokens,
      // no method_id, no primary_required.
      const minimal = {
        ...base,
        member_id: MEMBER_ID,
        organization_id: ORG_ID,
        member: {
          member_id: MEMBER_ID,
          organization_id: ORG_ID,
          email_address: 'a@b.co',
          status: 'active',
        },
        organization,
        member_authenticated: false,
        mfa_required: { member_options: null, secondary_auth_initiated: null },
      };
      const { fetch } = fakeFetch(() => json(minimal));
      const result = await createOtpClient({ fetch }).emailAuthenticate({
        organization_id: ORG_ID,
        email_address: 'a@b.co',
        code: '123456',
      });
      expect(result).to.deep.equal(minimal);
      expect(result.member_session).to.equal(undefined);
      expect(result.session_token).to.equal(undefined);
    });
  });

  describe('tokens', () => {
    it('never sends session or intermediate tokens found in a body', async () => {
      const { fetch, calls } = fakeFetch(() => json(base));
      const api = createOtpClient({ fetch });
      const body = {
        organization_id: ORG_ID,
        email_address: 'ada@example.com',
        code: '123456',
        session_token: 'st-secret',
        session_jwt: 'jwt-secret',
        intermediate_session_token: 'ist-secret',
      } as EmailAuthenticateRequest;
      await api.emailAuthenticate(body);
      await api.smsSend({
        organization_id: ORG_ID,
        member_id: MEMBER_ID,
        intermediate_session_token: 'ist',
      } as never);
      await api.smsAuthenticate({
        organization_id: ORG_ID,
        member_id: MEMBER_ID,
        code: '1',
        session_jwt: 'j',
      } as never);

      expect(calls[0].init.body).to.equal(
        `{"organization_id":"${ORG_ID}","email_address":"ada@example.com","code":"123456"}`,
      );
      expect(calls[1].init.body).to.equal(
        `{"organization_id":"${ORG_ID}","member_id":"${MEMBER_ID}"}`,
      );
      expect(calls[2].init.body).to.equal(
        `{"organization_id":"${ORG_ID}","member_id":"${MEMBER_ID}","code":"1"}`,
      );
      // The caller's object is left as it was.
      expect(body).to.have.property('session_token', 'st-secret');
    });

    it('passes tokens through in a response when the gateway chooses to expose them', async () => {
      const response = { ...base, session_token: 'st', session_jwt: 'jwt' };
      const { fetch } = fakeFetch(() => json(response));
      const result: EmailAuthenticateResponse = await createOtpClient({ fetch }).emailAuthenticate({
        organization_id: ORG_ID,
        email_address: 'a@b.co',
        code: '1',
      });
      expect(result.session_token).to.equal('st');
    });
  });

  describe('errors', () => {
    it('maps a Stytch error body onto OtpAuthError', async () => {
      const body = {
        status_code: 404,
        request_id: 'request-id-test-404',
        error_type: 'otp_code_not_found',
        error_message: 'The OTP code is incorrect.',
        error_url: 'https://stytch.com/docs/api/errors/404#otp_code_not_found',
      };
      const { fetch, calls } = fakeFetch(() => json(body, 404));
      const error = await otpError(
        createOtpClient({ fetch }).emailAuthenticate({
          organization_id: ORG_ID,
          email_address: 'a@b.co',
          code: '000000',
        }),
      );
      expect(error).to.be.instanceOf(Error);
      expect(error.name).to.equal('OtpAuthError');
      expect(error.message).to.equal(body.error_message);
      expect(error.status_code).to.equal(404);
      expect(error.error_type).to.equal('otp_code_not_found');
      expect(error.error_message).to.equal(body.error_message);
      expect(error.request_id).to.equal(body.request_id);
      expect(error.error_url).to.equal(body.error_url);
      expect(error.retryAfter).to.equal(undefined);
      expect(error.isNetworkError).to.equal(false);
      expect(calls).to.have.length(1);
    });

    const tooMany = (headers: Record<string, string>) =>
      json(
        {
          status_code: 429,
          request_id: 'r',
          error_type: 'too_many_requests',
          error_message: 'Too many requests.',
          error_url: 'https://stytch.com/docs/api/errors/429',
        },
        429,
        headers,
      );
    const sendCode = (fetch: typeof globalThis.fetch) =>
      createOtpClient({ fetch }).emailLoginOrSignup({
        organization_id: ORG_ID,
        email_address: 'a@b.co',
      });

    it('reads Retry-After in seconds on a 429, without retrying', async () => {
      const { fetch, calls } = fakeFetch(() => tooMany({ 'Retry-After': '30' }));
      const error = await otpError(sendCode(fetch));
      expect(error.status_code).to.equal(429);
      expect(error.error_type).to.equal('too_many_requests');
      expect(error.retryAfter).to.equal(30);
      expect(calls).to.have.length(1);
    });

    it('reads Retry-After as an HTTP-date relative to the response Date header', async () => {
      const { fetch } = fakeFetch(() =>
        tooMany({
          Date: 'Wed, 21 Oct 2015 07:28:00 GMT',
          'Retry-After': 'Wed, 21 Oct 2015 07:30:00 GMT',
        }),
      );
      expect((await otpError(sendCode(fetch))).retryAfter).to.equal(120);
    });

    it('reads Retry-After as an HTTP-date relative to the client clock without a Date header', async () => {
      const at = new Date(Date.now() + 90_000).toUTCString();
      const { fetch } = fakeFetch(() => tooMany({ 'Retry-After': at }));
      expect((await otpError(sendCode(fetch))).retryAfter).to.be.within(88, 90);
    });

    it('leaves retryAfter undefined for a garbage Retry-After', async () => {
      const { fetch } = fakeFetch(() => tooMany({ 'Retry-After': 'in a while' }));
      const error = await otpError(sendCode(fetch));
      expect(error.retryAfter).to.equal(undefined);
      expect(error.error_type).to.equal('too_many_requests');
    });

    it('reports an HTML error page as unexpected_response with its status, keeping Retry-After', async () => {
      const { fetch, calls } = fakeFetch(
        () =>
          new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', {
            status: 503,
            headers: { 'content-type': 'text/html', 'Retry-After': '5' },
          }),
      );
      const error = await otpError(sendCode(fetch));
      expect(error.status_code).to.equal(503);
      expect(error.error_type).to.equal('unexpected_response');
      expect(error.error_message).to.contain('503');
      expect(error.retryAfter).to.equal(5);
      expect(error.isNetworkError).to.equal(false);
      expect(calls).to.have.length(1);
    });

    it('reports a JSON error without Stytch fields as unexpected_response', async () => {
      const { fetch } = fakeFetch(() => json({ message: 'upstream exploded' }, 500));
      const error = await otpError(sendCode(fetch));
      expect(error.status_code).to.equal(500);
      expect(error.error_type).to.equal('unexpected_response');
    });

    it('reports a 2xx that is not a JSON object as unexpected_response', async () => {
      const bodies = ['<!doctype html><title>Sign in</title>', '', '[1,2]', 'null'];
      for (const body of bodies) {
        const { fetch } = fakeFetch(() => new Response(body, { status: 200 }));
        const error = await otpError(createOtpClient({ fetch }).session());
        expect(error.status_code, body).to.equal(200);
        expect(error.error_type, body).to.equal('unexpected_response');
      }
    });

    it('maps a failed fetch to network_error, once', async () => {
      const failure = new TypeError('Failed to fetch');
      const { fetch, calls } = fakeFetch(() => Promise.reject(failure));
      const error = await otpError(sendCode(fetch));
      expect(error.status_code).to.equal(0);
      expect(error.error_type).to.equal('network_error');
      expect(error.isNetworkError).to.equal(true);
      expect(error.cause).to.equal(failure);
      expect(calls).to.have.length(1);
    });

    it('maps a body that breaks off mid-stream to network_error', async () => {
      const { fetch } = fakeFetch(
        () =>
          new Response(
            new ReadableStream({
              start: (controller) => controller.error(new TypeError('connection reset')),
            }),
            { status: 200 },
          ),
      );
      const error = await otpError(createOtpClient({ fetch }).session());
      expect(error.error_type).to.equal('network_error');
    });

    it('gives up after timeoutMs with a timeout error and aborts the fetch', async () => {
      const { fetch, calls } = fakeFetch(
        ({ init }) =>
          new Promise((_, reject) =>
            init.signal!.addEventListener('abort', () => reject(init.signal!.reason)),
          ),
      );
      const error = await otpError(createOtpClient({ fetch, timeoutMs: 50 }).session());
      expect(error.status_code).to.equal(0);
      expect(error.error_type).to.equal('timeout');
      expect(error.isNetworkError).to.equal(true);
      expect(calls).to.have.length(1);
      expect(calls[0].init.signal!.aborted).to.equal(true);
    });

    it('times out even when the fetch implementation ignores its signal', async () => {
      const { fetch } = fakeFetch(() => new Promise<Response>(() => {}));
      const error = await otpError(createOtpClient({ fetch, timeoutMs: 30 }).session());
      expect(error.error_type).to.equal('timeout');
    });

    it('rejects with the caller’s AbortError, untouched, when the caller aborts', async () => {
      const caller = new AbortController();
      const { fetch, calls } = fakeFetch(
        ({ init }) =>
          new Promise((_, reject) =>
            init.signal!.addEventListener('abort', () => reject(init.signal!.reason)),
          ),
      );
      const pending = createOtpClient({ fetch }).session({ signal: caller.signal });
      await Promise.resolve();
      caller.abort();
      const error = await rejection(pending);
      expect(error).to.not.be.instanceOf(OtpAuthError);
      expect(error).to.be.instanceOf(DOMException);
      expect((error as DOMException).name).to.equal('AbortError');
      expect(error).to.equal(caller.signal.reason);
      expect(calls).to.have.length(1);
      expect(calls[0].init.signal!.aborted).to.equal(true);
    });

    it('rejects on a caller abort even when the fetch implementation ignores its signal', async () => {
      const caller = new AbortController();
      const { fetch } = fakeFetch(() => new Promise<Response>(() => {}));
      const pending = createOtpClient({ fetch }).logout({ signal: caller.signal });
      setTimeout(() => caller.abort(), 10);
      const error = await rejection(pending);
      expect((error as DOMException).name).to.equal('AbortError');
    });

    it('does not call fetch when the caller’s signal is already aborted', async () => {
      const caller = new AbortController();
      caller.abort();
      const { fetch, calls } = fakeFetch(() => json(base));
      const error = await rejection(createOtpClient({ fetch }).logout({ signal: caller.signal }));
      expect((error as DOMException).name).to.equal('AbortError');
      expect(calls).to.have.length(0);
    });

    it('ignores a caller abort that comes after the response', async () => {
      const caller = new AbortController();
      const { fetch } = fakeFetch(() => json(base));
      const result = await createOtpClient({ fetch }).logout({ signal: caller.signal });
      caller.abort();
      expect(result).to.deep.equal(base);
    });

    it('waits without limit when timeoutMs is beyond what a timer can hold', async () => {
      const { fetch } = fakeFetch(
        () => new Promise<Response>((resolve) => setTimeout(() => resolve(json(base)), 30)),
      );
      for (const timeoutMs of [Infinity, 2 ** 31]) {
        expect(await createOtpClient({ fetch, timeoutMs }).logout()).to.deep.equal(base);
      }
    });

    it('rejects an unusable timeoutMs at creation', () => {
      for (const timeoutMs of [0, -1, Number.NaN]) {
        expect(() => createOtpClient({ timeoutMs }), String(timeoutMs)).to.throw(RangeError);
      }
    });
  });

  describe('with the real fetch', () => {
    it('reaches the dev server and reports its 404 as OtpAuthError', async () => {
      const error = await otpError(createOtpClient({ baseUrl: '/__no-such-gateway__' }).session());
      expect(error.status_code).to.equal(404);
      expect(error.isNetworkError).to.equal(false);
    });

    it('calls a fetch taken off window without "Illegal invocation"', async () => {
      const api = createOtpClient({ fetch: window.fetch, baseUrl: '/__no-such-gateway__/' });
      const error = await otpError(
        api.emailLoginOrSignup({ organization_id: ORG_ID, email_address: 'a@b.co' }),
      );
      expect(error.status_code).to.equal(404);
      expect(error.error_type).to.equal('unexpected_response');
    });
  });
});
