import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/email-auth.js';
import type { OtpEmailAuth } from '../email-auth/otp-email-auth.js';
import {
  EMAIL,
  FakeOtpApi,
  ORG_ID,
  discovered,
  discoveryAuthenticateResponse,
  emailAuthenticateResponse,
  otpError,
  smsAuthenticateResponse,
} from '../../test/browser/support/fake-api.js';
import {
  alertText,
  deepActiveElement,
  find,
  focusLandsOn,
  get,
  record,
  settle,
  text,
  trackRejections,
  typeInto,
  waitUntil,
} from '../../test/browser/support/dom.js';
import { checked, emptyOrganization, withName, withSlug } from './new-organization.js';
import { isSlug, slugFrom } from './slug.js';

const EVENTS = [
  'otp-code-sent',
  'otp-organizations-discovered',
  'otp-organization-selected',
  'otp-organization-created',
  'otp-session-created',
  'otp-mfa-required',
  'otp-error',
];

const ACME = discovered({ organization_id: 'organization-acme', organization_name: 'Acme' });
const BETA = discovered(
  { organization_id: 'organization-beta', organization_name: 'Beta' },
  'invited_member',
);
const GAMMA = discovered(
  { organization_id: 'organization-gamma', organization_name: 'Gamma' },
  'eligible_to_join_by_email_domain',
);

async function setup(markup = html`<otp-email-auth></otp-email-auth>`) {
  const el = await fixture<OtpEmailAuth>(markup);
  const api = new FakeOtpApi();
  el.client = api;
  await el.updateComplete;
  return { el, api, events: record(el, ...EVENTS) };
}

const buttons = (el: OtpEmailAuth) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=organization]'),
];
const names = (el: OtpEmailAuth) => buttons(el).map((b) => b.getAttribute('aria-label'));
const types = (events: CustomEvent[]) => events.map((e) => e.type);

/** Email, then the code: resolves once the organizations step is shown. */
async function discover(el: OtpEmailAuth, api: FakeOtpApi, found = [ACME, BETA, GAMMA]) {
  api.on('discoverySend', { request_id: 'r', status_code: 200 });
  await typeInto(get(el, 'input[type=email]'), EMAIL);
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => find(el, 'otp-code-field'), 'code step');
  await focusLandsOn((a) => a?.id === 'input', 'the code input');
  api.on('discoveryAuthenticate', discoveryAuthenticateResponse(found));
  await sendKeys({ type: '123456' });
  await waitUntil(
    () =>
      api.bodies('discoveryAuthenticate').length && !el.shadowRoot!.querySelector('otp-code-field'),
  );
  await settle(el);
}

describe('otp-email-auth: discovery login', () => {
  let rejections: ReturnType<typeof trackRejections>;
  beforeEach(() => (rejections = trackRejections()));
  afterEach(() => rejections.check());

  it('without an organization: code by email, then the organizations as named buttons', async () => {
    const { el, api, events } = await setup();
    await discover(el, api);
    expect(api.bodies('discoverySend')).to.deep.equal([{ email_address: EMAIL }]);
    expect(api.bodies('discoveryAuthenticate')).to.deep.equal([
      { email_address: EMAIL, code: '123456' },
    ]);
    expect(types(events)).to.deep.equal(['otp-code-sent', 'otp-organizations-discovered']);
    expect(events[0].detail).to.deep.equal({
      channel: 'email',
      to: EMAIL,
      expiresInSeconds: 600,
      memberId: '',
      organizationId: '',
    });
    expect(events[1].detail).to.deep.equal({
      emailAddress: EMAIL,
      organizations: [ACME, BETA, GAMMA],
    });
    expect(events[1].cancelable).to.be.true;
    expect(text(get(el, '[part=heading]'))).to.equal('Choose an organization');
    expect(deepActiveElement(), 'heading focused on arrival').to.equal(get(el, '[part=heading]'));
    expect(names(el)).to.deep.equal(['Acme — member', 'Beta — invited', 'Gamma — you can join']);
    expect(text(buttons(el)[1])).to.equal('Beta invited');
    expect(get(el, '[part=organization-list]').localName).to.equal('ul');
    await expect(el).to.be.accessible();
  });

  it('signs in to the organization picked, by keyboard', async () => {
    const { el, api, events } = await setup();
    await discover(el, api);
    api.on('exchangeIntermediateSession', emailAuthenticateResponse());
    buttons(el)[2].focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => events.some((e) => e.type === 'otp-session-created'));
    expect(api.bodies('exchangeIntermediateSession')).to.deep.equal([
      { organization_id: 'organization-gamma' },
    ]);
    const selected = events.find((e) => e.type === 'otp-organization-selected')!;
    expect(selected.detail).to.deep.equal({
      organization: GAMMA.organization,
      membership: GAMMA.membership,
    });
    await settle(el);
    expect(text(get(el, '[part=heading]'))).to.equal('You are signed in.');
  });

  it('continues inline into SMS MFA for the organization picked', async () => {
    const { el, api, events } = await setup();
    await discover(el, api);
    const mfa = { member_options: null, secondary_auth_initiated: 'sms_otp' as const };
    api.on('exchangeIntermediateSession', emailAuthenticateResponse({ mfa }));
    buttons(el)[0].click();
    await waitUntil(() => find(el, 'otp-sms-stepup'));
    await focusLandsOn((a) => a?.id === 'input' && !!find(el, 'otp-sms-stepup'), 'SMS input');
    api.on('smsAuthenticate', smsAuthenticateResponse());
    await sendKeys({ type: '246810' });
    await waitUntil(() => events.some((e) => e.type === 'otp-session-created'));
    expect(api.bodies('smsAuthenticate')).to.deep.equal([
      { organization_id: ORG_ID, member_id: 'member-test-0001', code: '246810' },
    ]);
    expect(types(events)).to.include.members(['otp-mfa-required', 'otp-session-created']);
  });

  it('lets the host render its own picker: cancel the event, call selectOrganization', async () => {
    const { el, api, events } = await setup();
    el.addEventListener('otp-organizations-discovered', (e) => e.preventDefault());
    await discover(el, api);
    expect(buttons(el)).to.have.length(0);
    expect(text(get(el, '[part=heading]'))).to.equal('Choose an organization');
    let refused: unknown;
    await el.selectOrganization('organization-unknown').catch((e: unknown) => (refused = e));
    expect(refused).to.be.instanceOf(RangeError);
    api.on('exchangeIntermediateSession', emailAuthenticateResponse());
    await el.selectOrganization('organization-beta');
    expect(api.bodies('exchangeIntermediateSession')).to.deep.equal([
      { organization_id: 'organization-beta' },
    ]);
    expect(types(events).slice(-2)).to.deep.equal([
      'otp-organization-selected',
      'otp-session-created',
    ]);
  });

  it('auto-select signs in at once when exactly one organization is found', async () => {
    const { el, api, events } = await setup(html`<otp-email-auth auto-select></otp-email-auth>`);
    api.on('exchangeIntermediateSession', emailAuthenticateResponse());
    await discover(el, api, [ACME]);
    await waitUntil(() => events.some((e) => e.type === 'otp-session-created'));
    expect(api.bodies('exchangeIntermediateSession')).to.deep.equal([
      { organization_id: 'organization-acme' },
    ]);
  });

  it('after the sign-in expired: says so, back on the email step, email kept', async () => {
    const { el, api } = await setup();
    await discover(el, api);
    api.on('exchangeIntermediateSession', otpError('intermediate_session_not_found', 404));
    buttons(el)[0].click();
    await waitUntil(() => find(el, 'input[type=email]'));
    await settle(el);
    expect(alertText(el)).to.equal(
      'Your sign-in has expired. Continue with your email to get a new code.',
    );
    expect(get<HTMLInputElement>(el, 'input[type=email]').value).to.equal(EMAIL);
  });

  it('a wrong code stays on the code step, with the code field error', async () => {
    const { el, api } = await setup();
    api.on('discoverySend', { request_id: 'r', status_code: 200 });
    await typeInto(get(el, 'input[type=email]'), EMAIL);
    await sendKeys({ press: 'Enter' });
    await focusLandsOn((a) => a?.id === 'input', 'the code input');
    api.on('discoveryAuthenticate', otpError('otp_code_not_found', 404));
    await sendKeys({ type: '135790' });
    const field = () => get<HTMLElement & { error: string }>(el, 'otp-code-field');
    await waitUntil(() => field().error);
    expect(field().error).to.equal('That code is not right. Check it and try again.');
  });

  it('creates an organization: slug suggested and checked as typed, then signed in', async () => {
    const { el, api, events } = await setup(html`<otp-email-auth allow-create></otp-email-auth>`);
    await discover(el, api, []);
    expect(text(get(el, '.sent-to'))).to.equal(`No organization was found for ${EMAIL}.`);
    get(el, 'button[part~=secondary-button]').click();
    await focusLandsOn((a) => a?.id === 'organization-name', 'the name field');
    await sendKeys({ type: 'Néw Co' });
    const slug = get<HTMLInputElement>(el, '#organization-slug');
    expect(slug.value).to.equal('new-co');
    slug.focus();
    await sendKeys({ type: ' x' });
    await settle(el);
    expect(slug.getAttribute('aria-invalid')).to.equal('true');
    expect(text(get(el, '#organization-slug-error'))).to.equal(
      'Use 2 to 128 letters, digits or - . _ ~ (no spaces).',
    );
    get(el, 'button[type=submit]').click();
    await settle(el);
    expect(api.bodies('createOrganizationViaDiscovery'), 'no request').to.deep.equal([]);
    expect(deepActiveElement()).to.equal(slug);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await settle(el);
    expect(slug.hasAttribute('aria-invalid')).to.be.false;
    await expect(el).to.be.accessible();
    api.on('createOrganizationViaDiscovery', emailAuthenticateResponse());
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => events.some((e) => e.type === 'otp-session-created'));
    expect(api.bodies('createOrganizationViaDiscovery')).to.deep.equal([
      { organization_name: 'Néw Co', organization_slug: 'new-co' },
    ]);
    const created = events.find((e) => e.type === 'otp-organization-created')!;
    expect(created.detail.organization.organization_id).to.equal(ORG_ID);
    expect(created.detail.member.email_address).to.equal(EMAIL);
  });

  it('shows a taken slug as the server says it, keeping the form', async () => {
    const { el, api } = await setup(html`<otp-email-auth allow-create></otp-email-auth>`);
    await discover(el, api, [ACME]);
    get(el, 'button[part~=secondary-button]').click();
    await focusLandsOn((a) => a?.id === 'organization-name', 'the name field');
    await sendKeys({ type: 'Acme' });
    api.on('createOrganizationViaDiscovery', otpError('organization_slug_already_used', 400));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => alertText(el));
    expect(alertText(el)).to.equal('This short name is taken. Choose another one.');
    expect(get<HTMLInputElement>(el, '#organization-name').value).to.equal('Acme');
    const slug = get<HTMLInputElement>(el, '#organization-slug');
    expect(slug.getAttribute('aria-invalid'), 'the slug marked').to.equal('true');
    const description = (slug.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => text(el.shadowRoot!.getElementById(id)));
    expect(description, 'the slug points to the error').to.include(
      'This short name is taken. Choose another one.',
    );
    expect(get<HTMLInputElement>(el, '#organization-name').hasAttribute('aria-invalid')).to.be
      .false;
    await expect(el).to.be.accessible();
    slug.focus();
    await sendKeys({ type: '2' });
    await settle(el);
    expect(slug.hasAttribute('aria-invalid'), 'an edit clears it').to.be.false;
  });

  it('discovery forces the discovery login even with an organization, Escape goes back', async () => {
    const { el, api } = await setup(
      html`<otp-email-auth organization-id=${ORG_ID} discovery></otp-email-auth>`,
    );
    await discover(el, api);
    expect(api.calls.map((c) => c.method)).to.deep.equal([
      'discoverySend',
      'discoveryAuthenticate',
    ]);
    buttons(el)[0].focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => find(el, 'input[type=email]'));
    expect(get<HTMLInputElement>(el, 'input[type=email]').value).to.equal(EMAIL);
  });
});

describe('organization slugs', () => {
  it("follow Stytch's rule and are suggested from a name", () => {
    expect(['ab', 'a.b_c~d-e', 'x'.repeat(128)].map(isSlug)).to.deep.equal([true, true, true]);
    expect(['a', 'a b', 'x'.repeat(129), 'é!'].map(isSlug)).to.deep.equal([
      false,
      false,
      false,
      false,
    ]);
    expect(slugFrom('  Acme, Inc. ')).to.equal('acme-inc.');
    expect(slugFrom('Crème Brûlée')).to.equal('creme-brulee');
  });

  it('follow the name until the member types one, then stay', () => {
    let form = withName(emptyOrganization(), 'Acme Labs');
    expect(form).to.include({ slug: 'acme-labs', slugBad: false });
    form = withSlug(form, 'a');
    expect(form).to.include({ slug: 'a', slugTyped: true, slugBad: true });
    form = withName(form, 'Acme Labs Two');
    expect(form.slug, 'a typed slug is kept').to.equal('a');
    expect(checked(withName(emptyOrganization(), '  '))).to.include({
      nameBad: true,
      slugBad: true,
    });
  });
});
