import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    color-scheme: light dark;
    --_text: var(--otp-color-text, #1f2328);
    --_border: var(--otp-color-border, #6e7781);
    --_focus: var(--otp-color-focus, #0969da);
    --_error: var(--otp-color-error, #b3261e);
    --_surface: var(--otp-color-surface, #fff);
    --_radius: var(--otp-radius, 6px);
    --_space: var(--otp-space, 0.5rem);
    --_code-size: max(16px, var(--otp-code-font-size, 1.5rem));
    font-family: var(--otp-font-family, system-ui, sans-serif);
    color: var(--_text);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_text: var(--otp-color-text, #e6edf3);
      --_border: var(--otp-color-border, #8b949e);
      --_focus: var(--otp-color-focus, #4493f8);
      --_error: var(--otp-color-error, #ff9c94);
      --_surface: var(--otp-color-surface, #0d1117);
    }
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    display: grid;
    gap: calc(var(--_space) / 2);
    justify-items: start;
  }
  label {
    font-weight: 600;
  }
  [part='hint'],
  [part='error'] {
    font-size: 0.875em;
  }
  [part='error'] {
    color: var(--_error);
  }
  .field {
    position: relative;
  }
  input {
    box-sizing: content-box;
    width: calc(var(--_length, 6) * (1ch + 0.5em));
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    font: inherit;
    font-size: var(--_code-size);
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.5em;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  input[aria-invalid='true'],
  input[aria-invalid='true'] ~ .slots > * {
    border-color: var(--_error);
  }
  input:disabled,
  input:disabled ~ .slots {
    cursor: not-allowed;
    opacity: 0.6;
  }
  /* Slots: the real input stays on top and keeps receiving clicks, long-press and paste; its text
     is transparent (never opacity: 0, which hides the iOS paste menu). */
  .with-slots input {
    position: absolute;
    inset: 0;
    z-index: 1;
    box-sizing: border-box;
    width: 100%;
    height: 100%;
    padding: 0;
    border: 0;
    outline: none;
    background: transparent;
    color: transparent;
    -webkit-text-fill-color: transparent;
    caret-color: transparent;
    letter-spacing: 0;
  }
  .with-slots input::selection {
    background: transparent;
  }
  /* Browsers paint autofilled inputs with !important colors that would cover the slots; a
     transition that never runs keeps the input transparent. */
  .with-slots input:autofill {
    transition:
      background-color 0s 10000000s,
      color 0s 10000000s;
    filter: none;
  }
  .slots {
    display: flex;
    gap: var(--_space);
    font-size: var(--_code-size);
    font-variant-numeric: tabular-nums;
  }
  .slots > * {
    display: grid;
    place-items: center;
    box-sizing: border-box;
    width: 1.75em;
    height: 2.25em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~='slot-active'] {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  [part~='slot-active']:not([part~='slot-filled'])::after {
    content: '';
    width: 2px;
    height: 1em;
    background: currentColor;
  }
  @media (prefers-reduced-motion: no-preference) {
    [part~='slot-active']::after {
      animation: blink 1s step-end infinite;
    }
  }
  @keyframes blink {
    50% {
      opacity: 0;
    }
  }
`;
