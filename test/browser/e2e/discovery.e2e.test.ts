// The discovery login end to end: <otp-email-auth> without an organization, through the demo's
// real gateway and emulator (the test server serves createDemoApp), in every engine.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/index.js';
import { createOtpClient, type OtpEmailAuth } from '../../../src/index.js';
import { find, text, typeInto, waitUntil, waitUntilFound } from '../support/dom.js';
import {
  cleanUp,
  CODE_INPUT,
  demoConfig,
  E2E_TIMEOUT,
  freshBrowser,
  latestCode,
  logout,
  newPhone,
  type SeedOrganization,
  submitCode,
  submitEmail,
  submitPhone,
  tokensVisibleToScripts,
} from './support.js';

const client = createOtpClient();
const unique = () => crypto.randomUUID().slice(0, 8);

async function seeded(name: string): Promise<SeedOrganization> {
  const org = (await demoConfig()).organizations.find((o) => o.organization_name.startsWith(name));
  if (!org) throw new Error(`no seeded organization ${name}`);
  return org;
}

/** Adds a member through the emulator's Stytch-compatible admin API, as a back end would. */
async function addMember(org: SeedOrganization, email: string, { pending = false } = {}) {
  const { emulator } = await demoConfig();
  const response = await fetch(
    `${emulator.base}/v1/b2b/organizations/${org.organization_id}/members`,
    {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`${emulator.project_id}:${emulator.secret}`)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ email_address: email, create_member_as_pending: pending }),
    },
  );
  expect(response.status, await response.clone().text()).to.equal(200);
}

function discoveryLogin() {
  return fixture<OtpEmailAuth>(html`<otp-email-auth></otp-email-auth>`);
}

/** Email and code: resolves with the `otp-organizations-discovered` detail. */
async function discover(el: OtpEmailAuth, email: string) {
  expect(await submitEmail(el, email)).to.include({ channel: 'email', to: email });
  return submitCode(el, await latestCode(email, 'email'), 'otp-organizations-discovered');
}

const buttons = (el: OtpEmailAuth) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=organization]'),
];
const buttonFor = (el: OtpEmailAuth, name: string) =>
  buttons(el).find((b) => b.getAttribute('aria-label')?.startsWith(name))!;

/** Presses an organization's button with the keyboard; resolves with the event `name` it causes. */
async function pick<K extends keyof GlobalEventHandlersEventMap>(
  el: OtpEmailAuth,
  name: string,
  event: K,
) {
  await waitUntil(() => buttonFor(el, name), `a button for ${name}`);
  const happened = oneEvent(el, event);
  buttonFor(el, name).focus();
  await sendKeys({ press: 'Enter' });
  return ((await happened) as CustomEvent).detail;
}

describe('e2e: discovery login against the gateway and the emulator', function () {
  this.timeout(E2E_TIMEOUT);
  beforeEach(freshBrowser);
  afterEach(cleanUp);

  // Each engine signs in a member of its own: a code sent to one address replaces the one before,
  // and the engines run at once against one emulator. The seeded member is covered by the server's
  // discovery tests.
  it('lists a member’s organizations with their memberships and signs in to the one picked', async () => {
    const [acme, globex, initech] = await Promise.all(['Acme', 'Globex', 'Initech'].map(seeded));
    const email = `e2e-${unique()}@${acme.email_allowed_domains[0]}`;
    await addMember(acme, email);
    await addMember(initech, email, { pending: true });
    const el = await discoveryLogin();
    const found = await discover(el, email);
    expect(found.emailAddress).to.equal(email);
    await waitUntil(() => buttons(el).length === found.organizations.length);
    expect(buttons(el).map((b) => b.getAttribute('aria-label'))).to.have.members([
      `${acme.organization_name} — member`,
      `${globex.organization_name} — you can join`,
      `${initech.organization_name} — member`,
    ]);
    expect(JSON.stringify(found)).not.to.match(/intermediate_session_token"|session_token/);
    expect(tokensVisibleToScripts()).to.equal(false);
    await expect(el).to.be.accessible();

    const session = await pick(el, 'Acme', 'otp-session-created');
    expect(session.organization.organization_id).to.equal(acme.organization_id);
    expect(session.member.email_address).to.equal(email);
    const current = await client.session();
    expect(current.organization.organization_id).to.equal(acme.organization_id);
  });

  it('signs in at once with auto-select when the address has exactly one organization', async () => {
    const initech = await seeded('Initech');
    const email = `e2e-${unique()}@initech.test`;
    await addMember(initech, email);
    const el = await fixture<OtpEmailAuth>(html`<otp-email-auth auto-select></otp-email-auth>`);
    await submitEmail(el, email);
    const session = await submitCode(el, await latestCode(email, 'email'), 'otp-session-created');
    expect(session.organization.organization_id).to.equal(initech.organization_id);
    expect(buttons(el)).to.have.length(0);
  });

  it('continues into SMS MFA inline when the organization picked requires it', async () => {
    const globex = await seeded('Globex');
    const email = `e2e-${unique()}@example.com`;
    await addMember(globex, email);
    const phone = newPhone();
    const el = await discoveryLogin();
    await discover(el, email);
    const mfa = await pick(el, 'Globex', 'otp-mfa-required');
    expect(mfa.organization.organization_id).to.equal(globex.organization_id);
    const stepup = await waitUntilFound<HTMLElement>(el.shadowRoot!, 'otp-sms-stepup');
    await submitPhone(stepup, phone);
    const session = await submitCode(stepup, await latestCode(phone, 'sms'), 'otp-session-created');
    expect(session.organization.organization_id).to.equal(globex.organization_id);
    expect(
      session.member_session!.authentication_factors.map((f: { type: string }) => f.type),
    ).to.have.members(['email_otp', 'otp']);
    expect(tokensVisibleToScripts()).to.equal(false);
  });

  it('joins an organization open to the email domain', async () => {
    const acme = await seeded('Acme');
    const email = `e2e-${unique()}@example.com`;
    const el = await discoveryLogin();
    const found = await discover(el, email);
    const types = found.organizations.map((o) => o.membership.type);
    expect(types).to.deep.equal([
      'eligible_to_join_by_email_domain',
      'eligible_to_join_by_email_domain',
    ]);
    expect(buttonFor(el, 'Acme').getAttribute('aria-label')).to.equal(
      'Acme (MFA optional) — you can join',
    );
    const session = await pick(el, 'Acme', 'otp-session-created');
    expect(session.organization.organization_id).to.equal(acme.organization_id);
    expect(session.member).to.include({ email_address: email, status: 'active' });
  });

  it('creates an organization when none is found', async () => {
    const id = unique();
    const email = `founder@new-${id}.test`;
    const el = await fixture<OtpEmailAuth>(html`<otp-email-auth allow-create></otp-email-auth>`);
    const found = await discover(el, email);
    expect(found.organizations).to.deep.equal([]);
    await waitUntil(() => find(el, 'button[part~=secondary-button]'));
    expect(text(find(el, '.sent-to'))).to.equal(`No organization was found for ${email}.`);
    find(el, 'button[part~=secondary-button]')!.click();
    await typeInto(await waitUntilFound(el.shadowRoot!, '#organization-name'), `New ${id}`);
    expect(find<HTMLInputElement>(el, '#organization-slug')!.value).to.equal(`new-${id}`);
    await expect(el).to.be.accessible();
    const created = oneEvent(el, 'otp-organization-created');
    const signedIn = oneEvent(el, 'otp-session-created');
    await sendKeys({ press: 'Enter' });
    const { organization, member } = (await created).detail;
    expect(organization).to.include({
      organization_name: `New ${id}`,
      organization_slug: `new-${id}`,
    });
    expect(member.email_address).to.equal(email);
    expect((await signedIn).detail.organization.organization_id).to.equal(
      organization.organization_id,
    );
  });

  it('switches a signed-in member to another organization with exchangeSession', async () => {
    const [acme, initech] = [await seeded('Acme'), await seeded('Initech')];
    const email = `e2e-${unique()}@example.com`;
    await addMember(acme, email);
    await addMember(initech, email);
    const el = await discoveryLogin();
    await discover(el, email);
    await pick(el, 'Acme', 'otp-session-created');

    const mine = await client.listDiscoveredOrganizations();
    const ids = mine.discovered_organizations.map((o) => o.organization.organization_id);
    expect(ids).to.include.members([acme.organization_id, initech.organization_id]);
    const switched = await client.exchangeSession({ organization_id: initech.organization_id });
    expect(switched.member_authenticated).to.equal(true);
    expect(switched.organization.organization_id).to.equal(initech.organization_id);
    expect(JSON.stringify(switched)).not.to.contain('session_token');
    const current = await client.session();
    expect(current.organization.organization_id).to.equal(initech.organization_id);
    expect(current.member.email_address).to.equal(email);
  });

  it('shows a wrong code and accepts the right one after it', async () => {
    const email = `e2e-${unique()}@example.com`;
    const el = await discoveryLogin();
    await submitEmail(el, email);
    const code = await latestCode(email, 'email');
    const wrong = [...code].map((d) => (Number(d) + 1) % 10).join('');
    const failed = await submitCode(el, wrong, 'otp-error');
    expect(failed.error.error_type).to.equal('otp_code_not_found');
    expect(failed.action).to.equal('discovery-authenticate');
    await expect(el).to.be.accessible();
    const found = await submitCode(el, code, 'otp-organizations-discovered');
    expect(found.emailAddress).to.equal(email);
  });

  it('says a code that can no longer work has expired, and offers a new one', async () => {
    const email = `e2e-${unique()}@example.com`;
    const el = await discoveryLogin();
    await submitEmail(el, email);
    const code = await latestCode(email, 'email');
    // Used meanwhile (another tab): the emulator answers as for an expired code.
    const used = await fetch('/api/v1/b2b/otps/email/discovery/authenticate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-otp-auth': '1' },
      body: JSON.stringify({ email_address: email, code }),
    });
    expect(used.status).to.equal(200);
    const failed = await submitCode(el, code, 'otp-error');
    expect(failed.error.error_type).to.equal('unable_to_auth_otp_code');
    const field = await waitUntilFound<HTMLElement & { error: string }>(
      el.shadowRoot!,
      'otp-code-field',
    );
    await waitUntil(() => field.error);
    expect(field.error).to.equal('This code has expired or was already used. Request a new one.');
    const resend = find<HTMLButtonElement>(el, 'button[part~=button]')!;
    expect(text(resend)).to.equal('Send a new code');
  });

  it('after the sign-in ended: says so, back on the email step with the email kept', async () => {
    const email = `e2e-${unique()}@example.com`;
    const el = await discoveryLogin();
    await discover(el, email);
    await logout(); // the gateway drops the IST cookie, as when it expires
    const failed = await pick(el, 'Acme', 'otp-error');
    expect(failed.error.error_type).to.equal('intermediate_session_not_found');
    const input = await waitUntilFound<HTMLInputElement>(el.shadowRoot!, 'input[type=email]');
    expect(input.value).to.equal(email);
    await waitUntil(() => find(el, '[role=alert]'));
    expect(text(find(el, '[role=alert]'))).to.equal(
      'Your sign-in has expired. Continue with your email to get a new code.',
    );
    expect(find(el, CODE_INPUT)).to.equal(null);
  });
});
