import { css } from 'lit';

// Fallbacks for the dark scheme, used for `prefers-color-scheme: dark` and for theme="dark".
const dark = css`
  --_flow-primary: var(--otp-color-primary, #8ab4ff);
  --_flow-on-primary: var(--otp-color-on-primary, #0b1b33);
  --_flow-text: var(--otp-color-text, #e8eaed);
  --_flow-muted: var(--otp-color-muted, #a8adb4);
  --_flow-surface: var(--otp-color-surface, #1e1f22);
  --_flow-border: var(--otp-color-border, #5f6368);
  --_flow-error: var(--otp-color-error, #ff8a80);
  --_flow-focus: var(--otp-color-focus, #8ab4ff);
  color-scheme: dark;
`;

/** Styles shared by every flow element: tokens, light/dark, form controls, buttons. */
export const flowStyles = css`
  :host {
    --_flow-primary: var(--otp-color-primary, #1a56db);
    --_flow-on-primary: var(--otp-color-on-primary, #fff);
    --_flow-text: var(--otp-color-text, #1f2328);
    --_flow-muted: var(--otp-color-muted, #57606a);
    --_flow-surface: var(--otp-color-surface, #fff);
    --_flow-border: var(--otp-color-border, #8c959f);
    --_flow-error: var(--otp-color-error, #c62828);
    --_flow-focus: var(--otp-color-focus, #1a56db);
    --_flow-radius: var(--otp-radius, 8px);
    --_flow-space: var(--otp-space, 1rem);
    color-scheme: light;
    display: block;
    font-family: var(--otp-font-family, system-ui, sans-serif);
    color: var(--_flow-text);
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
    background: var(--_flow-surface);
    border-radius: var(--_flow-radius);
    padding: var(--_flow-space);
  }
  /* The field gets the resolved tokens, so theme="light|dark" and overrides reach it too. */
  otp-code-field {
    --otp-color-text: var(--_flow-text);
    --otp-color-border: var(--_flow-border);
    --otp-color-focus: var(--_flow-focus);
    --otp-color-error: var(--_flow-error);
    --otp-color-surface: var(--_flow-surface);
    --otp-radius: var(--_flow-radius);
  }
  form {
    display: grid;
    gap: calc(var(--_flow-space) * 0.75);
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
    color: var(--_flow-muted);
    font-size: 0.875rem;
  }
  [part~='error'] {
    color: var(--_flow-error);
  }
  input,
  select {
    font: inherit;
    font-size: max(1rem, 16px);
    color: inherit;
    background: var(--_flow-surface);
    border: 1px solid var(--_flow-border);
    border-radius: var(--_flow-radius);
    padding: 0.625rem 0.75rem;
    min-width: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_flow-error);
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    border-radius: var(--_flow-radius);
    cursor: pointer;
  }
  [part~='button'] {
    background: var(--_flow-primary);
    color: var(--_flow-on-primary);
    border: 0;
    font-weight: 600;
  }
  [part~='secondary-button'] {
    background: transparent;
    color: var(--_flow-primary);
    border: 1px solid var(--_flow-border);
  }
  [part~='link'] {
    background: none;
    border: 0;
    color: var(--_flow-primary);
    text-decoration: underline;
    justify-self: start;
    padding: 0;
  }
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 2px solid var(--_flow-focus);
    outline-offset: 2px;
  }
  .row {
    display: flex;
    gap: calc(var(--_flow-space) * 0.5);
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
