// The shared flow contract (support/flow-contract.ts) against each flow element.

import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/email-auth.js';
import '../../../src/define/provider.js';
import '../../../src/define/sms-stepup.js';
import {
  EMAIL,
  emailAuthenticateResponse,
  loginOrSignupResponse,
  notSent,
  ORG_ID,
  organization,
  enrolled,
  smsAuthenticateResponse,
  smsSendResponse,
} from '../support/fake-api.js';
import { get, typeInto, waitUntil } from '../support/dom.js';
import { flowContract } from '../support/flow-contract.js';

flowContract({
  tag: 'otp-email-auth',
  first: { method: 'emailLoginOrSignup', answer: loginOrSignupResponse },
  async start(api, parent, answer, own) {
    const el = Object.assign(document.createElement('otp-email-auth'), own, {
      organizationId: ORG_ID,
      client: api,
    });
    parent.append(el);
    await el.updateComplete;
    api.on('emailLoginOrSignup', answer);
    await typeInto(get<HTMLInputElement>(el, 'input[type=email]'), EMAIL);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => api.calls.length === 1);
    return el;
  },
  firstError: { step: 'email', action: 'email-send' },
  sentTo: EMAIL,
  codeMinutes: 10,
  resend: { method: 'emailLoginOrSignup', answer: loginOrSignupResponse },
  authenticate: { method: 'emailAuthenticate', answer: () => emailAuthenticateResponse() },
});

flowContract({
  tag: 'otp-sms-stepup',
  first: { method: 'smsSend', answer: () => smsSendResponse() },
  async start(api, parent, answer, own) {
    api.on('smsSend', answer);
    const el = Object.assign(document.createElement('otp-sms-stepup'), own, {
      client: api,
      member: enrolled,
      organization: organization(),
      mfaRequired: notSent,
    });
    parent.append(el);
    await el.updateComplete;
    return el;
  },
  firstError: { step: 'send', action: 'sms-send' },
  sentTo: '+•••••••0123',
  codeMinutes: 2,
  resend: { method: 'smsSend', answer: () => smsSendResponse() },
  authenticate: { method: 'smsAuthenticate', answer: () => smsAuthenticateResponse() },
});
