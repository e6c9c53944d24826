import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { OtpApi } from '../client/types.js';
import { otpConfigContext, type OtpConfig } from '../internal/context.js';

/**
 * Shares configuration with every OTP element inside it, so a page sets it once. An element's own
 * attributes take precedence over the provider's.
 *
 * @summary Configuration for the OTP elements it contains.
 *
 * @slot - The OTP elements (at any depth, across shadow roots).
 */
@customElement('otp-auth-provider')
export class OtpAuthProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  @property({ attribute: 'organization-id' }) organizationId?: string;
  @property({ attribute: 'api-base' }) apiBase?: string;
  @property() locale?: string;
  @property({ attribute: 'session-duration-minutes', type: Number })
  sessionDurationMinutes?: number;
  /** API client shared by the elements; by default each creates one for `api-base`. */
  @property({ attribute: false }) client?: OtpApi;

  @provide({ context: otpConfigContext })
  protected config?: OtpConfig;

  protected override willUpdate(): void {
    const { organizationId, apiBase, locale, sessionDurationMinutes, client } = this;
    this.config = { organizationId, apiBase, locale, sessionDurationMinutes, client };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'otp-auth-provider': OtpAuthProvider;
  }
}
