import { createContext } from '@lit/context';
import type { OtpApi } from '../client/types.js';

/** What `<otp-auth-provider>` hands down to the elements inside it. */
export interface OtpConfig {
  organizationId?: string;
  apiBase?: string;
  locale?: string;
  sessionDurationMinutes?: number;
  client?: OtpApi;
}

export const otpConfigContext = createContext<OtpConfig | undefined>('otp-auth-config');
