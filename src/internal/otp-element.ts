import { LitElement, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { tokens } from './tokens.js';

/**
 * What every OTP element with a look shares: the design tokens (one default each, in `tokens.ts`)
 * and `theme`.
 *
 * @cssprop [--otp-font-family=system-ui, sans-serif] - Font.
 * @cssprop [--otp-color-text=#1f2328 (dark: #e8eaed)] - Text.
 * @cssprop [--otp-color-surface=#fff (dark: #1e1f22)] - Background of the element and its fields.
 * @cssprop [--otp-color-border=#6e7781 (dark: #8b949e)] - Borders of inputs, boxes and secondary buttons.
 * @cssprop [--otp-color-focus=#1a56db (dark: #8ab4ff)] - Focus ring.
 * @cssprop [--otp-color-error=#c62828 (dark: #ff8a80)] - Error text and invalid borders.
 * @cssprop [--otp-color-edge=#d0d7de (dark: #3d444d)] - The card's outline, so it stands out on a page of the same colour.
 * @cssprop [--otp-radius=8px] - Corner radius.
 * @cssprop [--otp-space=1rem] - Spacing unit; gaps and paddings are fractions of it.
 * @cssprop [--otp-code-font-size=1.5rem] - Size of the code's digits; never below 16px (iOS zooms below).
 */
export class OtpElement extends LitElement {
  static override styles: CSSResultGroup = tokens;
  static override properties: PropertyDeclarations = { theme: { reflect: true } };

  /** Forces a colour scheme; by default it follows `prefers-color-scheme`. */
  declare theme?: 'light' | 'dark';
}
