import type { PropertyDeclarations } from 'lit';
import type { OtpApi } from '../client/types.js';
import type { OtpMessagesOverride } from '../i18n/messages.js';
import type { Clock } from './clock.js';
import type { OtpConfig } from './context.js';
import { OtpElement } from './otp-element.js';

/**
 * The configuration properties, declared once for `<otp-auth-provider>` and the flow elements.
 * Unset means "inherit": each has its default where it is used.
 */
export class OtpConfigElement extends OtpElement implements OtpConfig {
  static override properties: PropertyDeclarations = {
    organizationId: { attribute: 'organization-id' },
    apiBase: { attribute: 'api-base' },
    locale: {},
    sessionDurationMinutes: { attribute: 'session-duration-minutes', type: Number },
    resendCooldown: { attribute: 'resend-cooldown', type: Number },
    organizationName: { attribute: 'organization-name' },
    headingLevel: { attribute: 'heading-level', type: Number },
    noCodeBoxes: { attribute: 'no-code-boxes', type: Boolean },
    client: { attribute: false },
    messages: { attribute: false },
    clock: { attribute: false },
  };

  /** Stytch organization the member signs in to. */
  declare organizationId?: string;
  /** Where the gateway is mounted (default `/api`). */
  declare apiBase?: string;
  /** BCP 47 language tag for the messages and, where Stytch supports it, the email or SMS sent; by default the `lang` of the element or its nearest ancestor. */
  declare locale?: string;
  /** Lifetime in minutes of the session created; when unset, the gateway's default applies. */
  declare sessionDurationMinutes?: number;
  /** Seconds before "Send a new code" becomes available (default 30). */
  declare resendCooldown?: number;
  /** Name shown in the heading ("Sign in to Acme"); by default the one the server answers with, once known. */
  declare organizationName?: string;
  /** Level of the step headings, 1–6 (default 2: `<h2>`), to fit the page's outline. */
  declare headingLevel?: number;
  /** Shows the code as one plain input instead of the per-digit boxes (the default in the flows). */
  declare noCodeBoxes?: boolean;
  /** API client; by default one is created for `api-base`. */
  declare client?: OtpApi;
  /** Partial override of the strings of the current locale (`errors` merged key by key). */
  declare messages?: OtpMessagesOverride;
  /**
   * Clock of the countdowns (resend cooldown, code expiry, `Retry-After`); tests set one they
   * drive. By default the monotonic clock.
   * @internal
   */
  declare clock?: Clock;
}
