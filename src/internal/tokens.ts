import { css, unsafeCSS } from 'lit';

// The one place that gives each public --otp-* token its default. Elements read the resolved
// private copies (--_otp-*); the tokens are documented once, as @cssprop on OtpElement and
// OtpFlowElement.

/** Colour tokens: `--otp-color-<name>`, default for the light and the dark scheme. */
const COLORS = {
  primary: ['#1a56db', '#8ab4ff'],
  'on-primary': ['#fff', '#0b1b33'],
  text: ['#1f2328', '#e8eaed'],
  muted: ['#57606a', '#a8adb4'],
  surface: ['#fff', '#1e1f22'],
  border: ['#6e7781', '#8b949e'],
  error: ['#c62828', '#ff8a80'],
  focus: ['#1a56db', '#8ab4ff'],
  edge: ['#d0d7de', '#3d444d'],
} as const;
const SCHEMES = ['light', 'dark'] as const;
type Scheme = 0 | 1;

const colors = Object.entries(COLORS);

// A page override wins, then a scheme forced by `theme` on this element or one it sits in (the
// --_otp-forced-* values inherit into the code field and the inline SMS step), then the default.
const resolved = (scheme: Scheme) =>
  unsafeCSS(
    colors
      .map(([n, v]) => `--_otp-${n}: var(--otp-color-${n}, var(--_otp-forced-${n}, ${v[scheme]}));`)
      .join('') + `color-scheme: var(--_otp-forced-scheme, ${SCHEMES[scheme]});`,
  );

const forced = (scheme: Scheme) =>
  unsafeCSS(
    colors.map(([n, v]) => `--_otp-forced-${n}: ${v[scheme]};`).join('') +
      `--_otp-forced-scheme: ${SCHEMES[scheme]};`,
  );

/** The tokens with their defaults, light and dark (`prefers-color-scheme`, or `theme`). */
export const tokens = css`
  :host {
    ${resolved(0)}
    --_otp-radius: var(--otp-radius, 8px);
    --_otp-space: var(--otp-space, 1rem);
    --_otp-code-size: max(16px, var(--otp-code-font-size, 1.5rem));
    font-family: var(--otp-font-family, system-ui, sans-serif);
    color: var(--_otp-text);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      ${resolved(1)}
    }
  }
  :host([theme='light']) {
    ${forced(0)}
  }
  :host([theme='dark']) {
    ${forced(1)}
  }
  :host([hidden]) {
    display: none;
  }
`;
