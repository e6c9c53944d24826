import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './otp-code-field.js';
import type { OtpCodeField } from './otp-code-field.js';

describe('otp-code-field', () => {
  it('takes typed digits', async () => {
    const el = await fixture<OtpCodeField>(html`<otp-code-field></otp-code-field>`);
    el.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: '123456' });
    expect(el.value).to.equal('123456');
  });
});
