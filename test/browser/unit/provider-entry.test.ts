// The package entry loaded after the markup was parsed (the README's <script type="module">).
import { expect } from '@open-wc/testing';
import { EMAIL, FakeOtpApi } from '../support/fake-api.js';
import { PROVIDER_ORG, parsedMarkup, sentBody } from '../support/parsed-markup.js';

describe('package entry loaded after the markup', () => {
  it('gives the provider configuration to the elements already in the page', async () => {
    const api = new FakeOtpApi();
    const holder = parsedMarkup(api);
    expect(customElements.get('otp-auth-provider'), 'not defined yet').to.equal(undefined);
    await import('../../../src/index.js');
    expect(await sentBody(holder, api)).to.deep.equal({
      organization_id: PROVIDER_ORG,
      email_address: EMAIL,
    });
    holder.remove();
  });
});
