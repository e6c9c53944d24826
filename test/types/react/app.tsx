// A React 19 app using the elements as intrinsic elements and through the @lit/react wrappers.
// Must type-check (test/built/framework-types.test.ts).
import { useRef } from 'react';
import type {} from 'otp-auth-elements/react/jsx';
import { OtpEmailAuth, OtpSmsStepup } from 'otp-auth-elements/react';
import type { OtpEmailAuth as OtpEmailAuthElement, OtpErrorEvent } from 'otp-auth-elements';

export function IntrinsicLogin() {
  const ref = useRef<OtpEmailAuthElement>(null);
  return (
    <otp-auth-provider organization-id="organization-test-1" session-duration-minutes="60">
      <otp-email-auth
        ref={ref}
        mfa="event"
        code-expiration-minutes={10}
        className="login"
        onotp-code-sent={(event) => {
          const channel: 'email' | 'sms' = event.detail.channel;
          console.log(channel, event.detail.expiresInSeconds);
        }}
        onotp-error={(event: OtpErrorEvent) => console.log(event.detail.error.status_code)}
      />
      <otp-code-field length={6} no-web-otp="" onotp-code-complete={(e) => e.preventDefault()} />
      <otp-email-auth discovery auto-select allow-create no-remember-email no-code-boxes={false} />
    </otp-auth-provider>
  );
}

export function WrappedLogin() {
  return (
    <>
      <OtpEmailAuth
        organizationId="organization-test-1"
        mfa="inline"
        onOtpSessionCreated={(event) => console.log(event.detail.member.email_address)}
      />
      <OtpSmsStepup mode="step-up" onOtpStepUpComplete={(event) => console.log(event.detail)} />
    </>
  );
}
