import { html, nothing, render } from 'lit';
import '../src/index.js';
import { createOtpClient, type CurrentSessionResponse } from '../src/index.js';

interface SeedMember {
  email_address: string;
  name: string;
  mfa_phone_number: string;
  mfa_phone_number_verified: boolean;
}
interface SeedOrganization {
  organization_id: string;
  organization_name: string;
  mfa_policy: string;
  email_allowed_domains: string[];
  members: SeedMember[];
}
interface DemoConfig {
  mode: 'emulator' | 'stytch';
  organizations: SeedOrganization[];
}

const client = createOtpClient();
const EVENTS = [
  'otp-code-sent',
  'otp-mfa-required',
  'otp-session-created',
  'otp-step-up-complete',
  'otp-error',
] as const;

let config: DemoConfig = { mode: 'emulator', organizations: [] };
let organizationId = new URLSearchParams(location.search).get('organization_id') ?? '';
let session: CurrentSessionResponse | undefined;
let enroll = false;
let stepUp = false;
const log: { name: string; detail: string }[] = [];

async function refreshSession() {
  session = await client.session().catch(() => undefined);
  update();
}

async function logout() {
  await client.logout().catch(() => undefined);
  session = undefined;
  stepUp = false;
  update();
}

function record(event: Event) {
  const detail = (event as CustomEvent).detail;
  log.unshift({ name: event.type, detail: JSON.stringify(detail, null, 2) });
  log.length = Math.min(log.length, 20);
  if (event.type === 'otp-session-created' || event.type === 'otp-step-up-complete') {
    stepUp = false;
    void refreshSession();
  } else update();
}

function organizationPicker() {
  return html`<fieldset>
    <legend>Organization</legend>
    ${config.organizations.map(
      (org) =>
        html`<label>
            <input
              type="radio"
              name="organization"
              .checked=${org.organization_id === organizationId}
              @change=${() => ((organizationId = org.organization_id), update())}
            />
            ${org.organization_name} (<code>${org.mfa_policy}</code>)
          </label>
          <ul class="members">
            ${org.members.map(
              (m) =>
                html`<li>
                  ${m.email_address}${
                    m.mfa_phone_number_verified ? ` — SMS MFA on ${m.mfa_phone_number}` : ''
                  }
                </li>`,
            )}
            ${org.email_allowed_domains.map((d) => html`<li>any new address @${d}</li>`)}
          </ul>`,
    )}
  </fieldset>`;
}

function loginPanel() {
  return html`<section aria-labelledby="login-heading">
    <h2 id="login-heading">Try it</h2>
    ${config.mode === 'emulator' ? organizationPicker() : nothing}
    ${
      organizationId
        ? html`<otp-email-auth organization-id=${organizationId}></otp-email-auth>`
        : html`<p>Add <code>?organization_id=…</code> to the address to choose an organization.</p>`
    }
  </section>`;
}

function sessionPanel(current: CurrentSessionResponse) {
  const factors = current.member_session.authentication_factors.map((f) => f.type).join(', ');
  return html`<section aria-labelledby="session-heading">
    <h2 id="session-heading">Your session</h2>
    <p>
      ${current.member.email_address} at ${current.organization.organization_name}.<br />
      Factors: <code>${factors}</code>. Session ends ${current.member_session.expires_at}.
    </p>
    <p>
      The session token lives in an HttpOnly cookie; this page's scripts cannot read it (<code
        >document.cookie</code
      >
      is ${JSON.stringify(document.cookie)}).
    </p>
    ${
      stepUp
        ? html`<otp-sms-stepup
            mode="step-up"
            organization-id=${current.organization.organization_id}
            member-id=${current.member.member_id}
            set-mfa-enrollment=${enroll ? 'enroll' : nothing}
            .member=${current.member}
            .organization=${current.organization}
          ></otp-sms-stepup>`
        : html`<p>
              <label
                ><input
                  type="checkbox"
                  .checked=${enroll}
                  @change=${(e: Event) => (enroll = (e.target as HTMLInputElement).checked)}
                />
                Also enroll in SMS MFA (for an organization where MFA is optional)</label
              >
            </p>
            <button type="button" @click=${() => ((stepUp = true), update())}>
              Step up with SMS
            </button>`
    }
    <button type="button" @click=${logout}>Log out</button>
  </section>`;
}

function eventLog() {
  return html`<section aria-labelledby="log-heading">
    <h2 id="log-heading">Events</h2>
    ${log.length === 0 ? html`<p>No events yet.</p>` : nothing}
    <ol class="log">
      ${log.map(
        (e) =>
          html`<li>
            <code>${e.name}</code>
            <pre>${e.detail}</pre>
          </li>`,
      )}
    </ol>
  </section>`;
}

function update() {
  render(
    html`${session ? sessionPanel(session) : loginPanel()} ${eventLog()}`,
    document.getElementById('demo')!,
  );
}

async function start() {
  for (const name of EVENTS) document.addEventListener(name, record);
  config = await fetch('/demo-config.json').then((r) => r.json() as Promise<DemoConfig>);
  if (config.mode === 'stytch') document.getElementById('mode')!.textContent = 'Stytch';
  organizationId ||= config.organizations[0]?.organization_id ?? '';
  await refreshSession();
}

void start();
