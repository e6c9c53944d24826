// Hydration support first: it must be in place before any element's module is evaluated.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import 'otp-auth-elements';

document.addEventListener('otp-session-created', (event) => {
  document.querySelector('otp-email-auth').hidden = true;
  document.querySelector('#status').textContent =
    `Signed in as ${event.detail.member.email_address}`;
});
