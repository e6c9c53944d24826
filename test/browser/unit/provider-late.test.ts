// The element module runs before the provider's (a bundle importing them separately): the
// element asks for its configuration while no provider exists, and must still get it.
import { expect } from '@open-wc/testing';
import { EMAIL, FakeOtpApi } from '../support/fake-api.js';
import { PROVIDER_ORG, parsedMarkup, sentBody } from '../support/parsed-markup.js';

describe('<otp-auth-provider> defined after the element', () => {
  it('still configures the element already in the page', async () => {
    const api = new FakeOtpApi();
    const holder = parsedMarkup(api);
    expect(customElements.get('otp-email-auth'), 'not defined yet').to.equal(undefined);
    await import('../../../src/define/email-auth.js');
    await import('../../../src/define/provider.js');
    expect(await sentBody(holder, api)).to.deep.equal({
      organization_id: PROVIDER_ORG,
      email_address: EMAIL,
    });
    holder.remove();
  });
});
