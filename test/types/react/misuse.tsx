// The line after each MISUSE comment must fail to type-check (test/built/framework-types.test.ts);
// nothing else may.
import type {} from 'otp-auth-elements/react/jsx';
import { OtpEmailAuth } from 'otp-auth-elements/react';

export const wrongIntrinsic = (
  <otp-email-auth
    // MISUSE: mfa is 'inline' | 'event'
    mfa={42}
  />
);

export const wrongEvent = (
  <otp-email-auth
    // MISUSE: no such detail field
    onotp-code-sent={(event) => event.detail.nope}
  />
);

// MISUSE: a boolean attribute is present ('') or true/false, not any text
export const wrongBoolean = <otp-email-auth auto-select="yes" />;

// MISUSE: mfa is 'inline' | 'event'
export const wrongWrapper = <OtpEmailAuth mfa="popup" />;
