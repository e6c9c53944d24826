// Markup in the page before any element is defined, as a page with a <script type="module"> has.

import { sendKeys } from '@web/test-runner-commands';
import { EMAIL, FakeOtpApi, loginOrSignupResponse } from './fake-api.js';
import { get, typeInto, waitUntil } from './dom.js';

export const PROVIDER_ORG = 'organization-from-provider';

/** A provider holding an email element, parsed while neither is defined; `client` set pre-upgrade. */
export function parsedMarkup(api: FakeOtpApi): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = `<otp-auth-provider organization-id="${PROVIDER_ORG}"
    ><section><otp-email-auth></otp-email-auth></section
  ></otp-auth-provider>`;
  document.body.append(holder);
  // A page script may set properties before the upgrade; Lit takes them over.
  Object.assign(holder.querySelector('otp-auth-provider')!, { client: api });
  return holder;
}

/** Sends the email like a member and returns the body of the request. */
export async function sentBody(holder: HTMLElement, api: FakeOtpApi): Promise<unknown> {
  await customElements.whenDefined('otp-email-auth');
  const el = holder.querySelector('otp-email-auth')!;
  await el.updateComplete;
  api.on('emailLoginOrSignup', loginOrSignupResponse());
  await typeInto(get<HTMLInputElement>(el, 'input[type=email]'), EMAIL);
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => api.bodies('emailLoginOrSignup').length === 1, 'a request');
  return api.bodies('emailLoginOrSignup')[0];
}
