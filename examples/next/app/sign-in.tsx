'use client';

import { useState } from 'react';
// React wrappers (@lit/react): their event props keep firing after hydration, which `on…` props on
// a bare custom element do not.
import { OtpEmailAuth } from 'otp-auth-elements/react';

export function SignIn({ organizationId, locale }: { organizationId: string; locale: string }) {
  const [email, setEmail] = useState<string>();
  if (email) return <p role="status">Signed in as {email}</p>;
  return (
    <OtpEmailAuth
      organizationId={organizationId}
      locale={locale}
      onOtpSessionCreated={(event) => setEmail(event.detail.member.email_address)}
    />
  );
}
