import { css } from 'lit';

// Fallbacks for the dark scheme, used for `prefers-color-scheme: dark` and for theme="dark".
const dark = css`
  --_primary: var(--otp-color-primary, #8ab4ff);
  --_on-primary: var(--otp-color-on-primary, #0b1b33);
  --_text: var(--otp-color-text, #e8eaed);
  --_muted: var(--otp-color-muted, #a8adb4);
  --_surface: var(--otp-color-surface, #1e1f22);
  --_border: var(--otp-color-border, #5f6368);
  --_error: var(--otp-color-error, #ff8a80);
  --_focus: var(--otp-color-focus, #8ab4ff);
  color-scheme: dark;
`;

/** Styles shared by every flow element: tokens, light/dark, form controls, buttons. */
export const flowStyles = css`
  :host {
    --_primary: var(--otp-color-primary, #1a56db);
    --_on-primary: var(--otp-color-on-primary, #fff);
    --_text: var(--otp-color-text, #1f2328);
    --_muted: var(--otp-color-muted, #57606a);
    --_surface: var(--otp-color-surface, #fff);
    --_border: var(--otp-color-border, #8c959f);
    --_error: var(--otp-color-error, #c62828);
    --_focus: var(--otp-color-focus, #1a56db);
    --_radius: var(--otp-radius, 8px);
    --_space: var(--otp-space, 1rem);
    color-scheme: light;
    display: block;
    font-family: var(--otp-font-family, system-ui, sans-serif);
    color: var(--_text);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([theme='dark']) {
    ${dark}
  }
  :host([hidden]) {
    display: none;
  }
  [part~='base'] {
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  p {
    margin: 0;
  }
  label {
    font-weight: 600;
  }
  [part~='hint'] {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  [part~='error'] {
    color: var(--_error);
  }
  input,
  select {
    font: inherit;
    font-size: max(1rem, 16px);
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.625rem 0.75rem;
    min-width: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [part~='button'] {
    background: var(--_primary);
    color: var(--_on-primary);
    border: 0;
    font-weight: 600;
  }
  [part~='secondary-button'] {
    background: transparent;
    color: var(--_primary);
    border: 1px solid var(--_border);
  }
  [part~='link'] {
    background: none;
    border: 0;
    color: var(--_primary);
    text-decoration: underline;
    justify-self: start;
    padding: 0;
  }
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .row {
    display: flex;
    gap: calc(var(--_space) * 0.5);
    align-items: center;
    flex-wrap: wrap;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
