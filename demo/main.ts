import { html, nothing, render } from 'lit';
import '../src/index.js';
import {
  createOtpClient,
  type CurrentSessionResponse,
  type DiscoveredOrganization,
  type ExchangeResponse,
} from '../src/index.js';

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
  /** The seeded member of several organizations, for the discovery login. */
  discovery: { email_address: string } | null;
}

const client = createOtpClient();
const EVENTS = [
  'otp-code-sent',
  'otp-mfa-required',
  'otp-session-created',
  'otp-step-up-complete',
  'otp-error',
  'otp-organizations-discovered',
  'otp-organization-selected',
  'otp-organization-created',
] as const;

let config: DemoConfig = { mode: 'emulator', organizations: [], discovery: null };
const params = new URLSearchParams(location.search);
let organizationId = params.get('organization_id') ?? '';
/** The discovery login: no organization chosen in advance. */
let discovery = params.has('discovery');
/** The member's other organizations, once signed in; and a switch that needs MFA. */
let others: DiscoveredOrganization[] = [];
let switching: ExchangeResponse | undefined;
let session: CurrentSessionResponse | undefined;
let enroll = false;
let stepUp = false;
const log: { name: string; detail: string }[] = [];

async function refreshSession() {
  session = await client.session().catch(() => undefined);
  switching = undefined;
  const listed = session
    ? await client.listDiscoveredOrganizations().catch(() => undefined)
    : undefined;
  const current = session?.organization.organization_id;
  others = (listed?.discovered_organizations ?? []).filter(
    (o) => o.organization.organization_id !== current,
  );
  update();
}

/** Switches the signed-in member to another of their organizations (sessions/exchange). */
async function switchTo(id: string) {
  const answer = await client.exchangeSession({ organization_id: id }).catch(() => undefined);
  if (answer && !answer.member_authenticated && answer.mfa_required) {
    switching = answer;
    update();
  } else await refreshSession();
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
    <label>
      <input
        type="radio"
        name="organization"
        .checked=${discovery}
        @change=${() => ((discovery = true), update())}
      />
      Any organization: discovery login
    </label>
    <ul class="members">
      ${
        config.discovery
          ? html`<li>${config.discovery.email_address} — member of two, invited to a third</li>`
          : nothing
      }
      <li>any address: create an organization</li>
    </ul>
    ${config.organizations.map(
      (org) =>
        html`<label>
            <input
              type="radio"
              name="organization"
              .checked=${!discovery && org.organization_id === organizationId}
              @change=${() => ((discovery = false), (organizationId = org.organization_id), update())}
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
    <h2 id="login-heading" tabindex="-1">Try it</h2>
    ${config.mode === 'emulator' ? organizationPicker() : nothing}
    ${
      discovery
        ? html`<otp-email-auth discovery allow-create></otp-email-auth>`
        : organizationId
          ? html`<otp-email-auth organization-id=${organizationId}></otp-email-auth>`
          : html`<p>
              Add <code>?organization_id=…</code> to the address to choose an organization.
            </p>`
    }
  </section>`;
}

function sessionPanel(current: CurrentSessionResponse) {
  const factors = current.member_session.authentication_factors.map((f) => f.type).join(', ');
  return html`<section aria-labelledby="session-heading">
    <h2 id="session-heading" tabindex="-1">Your session</h2>
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
    ${switchPanel()}
    <button type="button" @click=${logout}>Log out</button>
  </section>`;
}

/** The member's other organizations: one button each (sessions/exchange), MFA inline if needed. */
function switchPanel() {
  if (switching) {
    return html`<otp-sms-stepup
      .member=${switching.member}
      .organization=${switching.organization}
      .mfaRequired=${switching.mfa_required}
    ></otp-sms-stepup>`;
  }
  if (others.length === 0) return nothing;
  return html`<h3>Switch organization</h3>
    <ul class="members">
      ${others.map(
        ({ organization }) =>
          html`<li>
            <button type="button" @click=${() => switchTo(organization.organization_id)}>
              ${organization.organization_name}
            </button>
          </li>`,
      )}
    </ul>`;
}

function eventLog() {
  return html`<section aria-labelledby="log-heading">
    <h2 id="log-heading">Events</h2>
    ${
      log.length === 0
        ? html`<p>No events yet.</p>`
        : html`<div class="log" role="region" aria-label="Event log, newest first" tabindex="0">
            <ol>
              ${log.map(
                (e) =>
                  html`<li>
                    <code>${e.name}</code>
                    <pre>${e.detail}</pre>
                  </li>`,
              )}
            </ol>
          </div>`
    }
  </section>`;
}

/** The panel on screen; when it changes (signed in, signed out) focus goes to its heading. */
let shown: 'login' | 'session' | undefined;

function update() {
  render(
    html`${session ? sessionPanel(session) : loginPanel()} ${eventLog()}`,
    document.getElementById('demo')!,
  );
  const now = session ? 'session' : 'login';
  if (shown && shown !== now) document.getElementById(`${now}-heading`)?.focus();
  shown = now;
}

async function start() {
  for (const name of EVENTS) document.addEventListener(name, record);
  config = await fetch('/demo-config.json').then((r) => r.json() as Promise<DemoConfig>);
  if (config.mode === 'stytch') document.getElementById('mode')!.textContent = 'Stytch';
  organizationId ||= config.organizations[0]?.organization_id ?? '';
  discovery ||= !organizationId;
  await refreshSession();
}

void start();
