import { useState } from 'react';
import 'otp-auth-elements';
// Types <otp-…> in JSX: attributes, properties and `on<event-name>` props with the event classes.
import type {} from 'otp-auth-elements/react/jsx';

export function App() {
  const [email, setEmail] = useState<string>();

  // React 19 sets custom-element properties and listens to `on<event-name>` props itself.
  return (
    <main>
      <h1>Sign in</h1>
      {email ? (
        <p role="status">Signed in as {email}</p>
      ) : (
        <otp-email-auth
          organization-id="acme"
          onotp-session-created={(event) => setEmail(event.detail.member.email_address)}
        />
      )}
    </main>
  );
}
