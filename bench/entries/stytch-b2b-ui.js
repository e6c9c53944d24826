// Stytch's B2B pre-built UI as its README registers it: a client, the <stytch-ui> web component,
// email OTP as the product.
import { B2BProducts, StytchB2B, createStytchB2BClient } from '@stytch/vanilla-js/b2b';

const client = createStytchB2BClient('public-token-test-00000000-0000-4000-8000-000000000000');
customElements.define('stytch-ui', StytchB2B);
const login = document.querySelector('stytch-ui');
if (login) {
  login.client = client;
  login.config = {
    products: [B2BProducts.emailOtp],
    authFlowType: 'Organization',
    sessionOptions: { sessionDurationMinutes: 60 },
  };
}
