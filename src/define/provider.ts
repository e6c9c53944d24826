// Registers <otp-auth-provider> (only if the name is free).
import { OtpAuthProvider } from '../provider/otp-auth-provider.js';
import { defineElement } from '../internal/define.js';

defineElement('otp-auth-provider', OtpAuthProvider);

export { OtpAuthProvider };
