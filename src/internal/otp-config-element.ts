import { property } from 'lit/decorators.js';
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
  /** Stytch organization the member signs in to. */
  @property({ attribute: 'organization-id' }) organizationId?: string;
  /** Where the gateway is mounted (default `/api`). */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** BCP 47 language tag for the messages and, where Stytch supports it, the email or SMS sent; by default the `lang` of the element or its nearest ancestor. */
  @property() locale?: string;
  /** Lifetime in minutes of the session created; when unset, the gateway's default applies. */
  @property({ attribute: 'session-duration-minutes', type: Number })
  sessionDurationMinutes?: number;
  /** Seconds before "Send a new code" becomes available (default 30). */
  @property({ attribute: 'resend-cooldown', type: Number }) resendCooldown?: number;
  /** Name shown in the heading ("Sign in to Acme"); by default the one the server answers with, once known. */
  @property({ attribute: 'organization-name' }) organizationName?: string;
  /** Level of the step headings, 1–6 (default 2: `<h2>`), to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;
  /** Shows the code as one plain input instead of the per-digit boxes (the default in the flows). */
  @property({ attribute: 'no-code-boxes', type: Boolean }) noCodeBoxes?: boolean;
  /** API client; by default one is created for `api-base`. */
  @property({ attribute: false }) client?: OtpApi;
  /** Partial override of the strings of the current locale (`errors` merged key by key). */
  @property({ attribute: false }) messages?: OtpMessagesOverride;
  /**
   * Clock of the countdowns (resend cooldown, code expiry, `Retry-After`); tests set one they
   * drive. By default the monotonic clock.
   * @internal
   */
  @property({ attribute: false }) clock?: Clock;
}
