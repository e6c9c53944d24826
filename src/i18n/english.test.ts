import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { LocalizeController } from '../internal/localize-controller.js';
import { english } from './english.js';
import type { OtpMessagesOverride } from './messages.js';

// English by step: what an element rendered before its step's part arrived shows once it does.
class EnglishProbe extends LitElement {
  overrides?: OtpMessagesOverride;
  readonly l10n = new LocalizeController(this, {
    locale: () => undefined,
    overrides: () => this.overrides,
  });
  override render() {
    const m = this.l10n.msg;
    return html`<p>${m.emailHeading}|${m.codeLabel ?? '-'}|${m.phoneLabel ?? '-'}</p>`;
  }
}
customElements.define('english-probe', EnglishProbe);

const text = (el: Element) => el.shadowRoot!.querySelector('p')!.textContent;

describe('English by step', () => {
  it('starts with the first step only, and renders again when a step’s part arrives', async () => {
    expect(english.codeLabel, 'the code step’s English is not loaded yet').to.equal(undefined);
    const plain = await fixture<EnglishProbe>(fixtureHtml`<english-probe></english-probe>`);
    const overridden = await fixture<EnglishProbe>(fixtureHtml`<english-probe></english-probe>`);
    overridden.overrides = { emailHeading: 'Log in' };
    overridden.requestUpdate();
    await overridden.updateComplete;
    expect(text(plain)).to.equal('Sign in|-|-');
    expect(text(overridden)).to.equal('Log in|-|-');

    expect(english.errors.invalid_code, 'the code step’s errors are not loaded yet').to.equal(
      undefined,
    );
    await import('./en/code.js');
    // A part's errors join the ones already there.
    expect(english.errors.invalid_code).to.equal('That code is not right. Check it and try again.');
    expect(english.errors.network_error).to.match(/could not reach the server/);
    await plain.updateComplete;
    await overridden.updateComplete;
    expect(text(plain)).to.equal('Sign in|Verification code|-');
    expect(text(overridden)).to.equal('Log in|Verification code|-');

    await import('./en/sms.js');
    await plain.updateComplete;
    expect(text(plain)).to.equal('Sign in|Verification code|Mobile number');
  });
});
