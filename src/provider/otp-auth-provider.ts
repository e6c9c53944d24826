import { html, css } from 'lit';
import { ContextProvider } from '@lit/context';
import { otpConfigContext, ownConfig, sameConfig } from '../internal/context.js';
import { OtpConfigElement } from '../internal/otp-config-element.js';
import { tokens } from '../internal/tokens.js';

/**
 * Shares configuration with every OTP element inside it, so a page sets it once; `theme` and the
 * `--otp-*` properties set on it reach them too. An element's own attributes take precedence over
 * the provider's. It may be defined before or after the elements.
 *
 * @summary Configuration for the OTP elements it contains.
 *
 * @slot - The OTP elements (at any depth, across shadow roots).
 */
export class OtpAuthProvider extends OtpConfigElement {
  // The tokens make `theme` and --otp-* set here reach every element inside.
  static override styles = [
    tokens,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  /** The configuration handed down: the properties set on this provider. */
  private readonly provider = new ContextProvider(this, { context: otpConfigContext });

  protected override willUpdate(): void {
    const config = ownConfig(this);
    if (!sameConfig(this.provider.value, config)) this.provider.setValue(config);
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
