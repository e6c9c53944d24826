import { css } from 'lit';
import { tokens } from './tokens.js';

/** Styles shared by every flow element: tokens, form controls, buttons, states. */
export const flowStyles = [
  tokens,
  css`
    :host {
      display: block;
      --_pad-y: calc(var(--_otp-space) * 0.625);
      --_pad-x: calc(var(--_otp-space) * 0.75);
      /* The code field fills the form's width. */
      --_otp-code-align: stretch;
      --_otp-code-input-width: 100%;
      --_otp-code-box-grow: 1;
    }
    [part~='base'] {
      background: var(--_otp-surface);
      border: 1px solid var(--_otp-edge);
      border-radius: var(--_otp-radius);
      padding: var(--_otp-space);
    }
    form,
    .outcome {
      display: grid;
      gap: calc(var(--_otp-space) * 0.75);
    }
    [part~='heading'] {
      margin: 0;
      font-size: 1.25rem;
      line-height: 1.3;
    }
    p {
      margin: 0;
    }
    label {
      font-weight: 600;
    }
    [part~='hint'] {
      color: var(--_otp-muted);
      font-size: 0.875rem;
    }
    [part~='error'] {
      color: var(--_otp-error);
      border-inline-start: 3px solid currentColor;
      padding-inline-start: calc(var(--_otp-space) * 0.5);
    }
    /* Not colour alone: a mark before every error. */
    [part~='error']::before {
      content: '⚠ ';
      content: '⚠ ' / '';
    }
    input,
    select {
      font: inherit;
      font-size: max(1rem, 16px);
      color: inherit;
      background: var(--_otp-surface);
      border: 1px solid var(--_otp-border);
      border-radius: var(--_otp-radius);
      padding: var(--_pad-y) var(--_pad-x);
      min-width: 0;
    }
    input:read-only {
      background: transparent;
      cursor: progress;
    }
    [aria-invalid='true'] {
      border: 2px solid var(--_otp-error);
    }
    button {
      font: inherit;
      min-height: 2.75rem;
      padding: var(--_pad-y) var(--_pad-x);
      border-radius: var(--_otp-radius);
      cursor: pointer;
    }
    [part~='button'] {
      background: var(--_otp-primary);
      color: var(--_otp-on-primary);
      /* Transparent, yet drawn in forced colours. */
      border: 1px solid transparent;
      font-weight: 600;
    }
    [part~='secondary-button'] {
      background: transparent;
      color: var(--_otp-primary);
      border: 1px solid var(--_otp-border);
    }
    /* Unavailable (cooldown, lockout): dimmed by colour, not opacity, so the focus ring keeps its
     contrast. Busy keeps the button's colour and shows a spinner instead. */
    [part~='button'][aria-disabled='true']:not(.busy) {
      background: var(--_otp-muted);
      cursor: not-allowed;
    }
    [part~='secondary-button'][aria-disabled='true']:not(.busy) {
      color: var(--_otp-muted);
      border-style: dashed;
      cursor: not-allowed;
    }
    .busy {
      cursor: progress;
    }
    /* Both labels share one cell: the wider sets the size, so nothing moves when they swap. */
    .labels {
      display: inline-grid;
      align-items: center;
      justify-items: center;
    }
    .labels > *,
    .labels::after {
      grid-area: 1 / 1;
    }
    .labels::after {
      content: attr(data-other);
      visibility: hidden;
    }
    /* Room for the spinner the busy label has. */
    .labels:not(.busy)::after {
      padding-inline-start: 1.3em;
    }
    .spinner {
      display: inline-block;
      width: 0.9em;
      height: 0.9em;
      margin-inline-end: 0.4em; /* with its width: the 1.3em above */
      vertical-align: -0.1em;
      border: 2px solid currentColor;
      border-inline-end-color: transparent;
      border-radius: 50%;
    }
    @media (prefers-reduced-motion: no-preference) {
      .spinner {
        animation: spin 0.8s linear infinite;
      }
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
    :focus-visible {
      outline: 2px solid var(--_otp-focus);
      outline-offset: 2px;
    }
    ::slotted([slot='logo']) {
      display: block;
      max-width: 100%;
      margin-block-end: calc(var(--_otp-space) * 0.75);
    }
    .sr {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    @media (forced-colors: active) {
      [part~='button'] {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
        border-color: ButtonText;
      }
      [part~='secondary-button'] {
        forced-color-adjust: none;
        background: ButtonFace;
        color: ButtonText;
        border-color: ButtonText;
      }
      [part~='button'][aria-disabled='true']:not(.busy),
      [part~='secondary-button'][aria-disabled='true']:not(.busy) {
        background: ButtonFace;
        color: GrayText;
        border-color: GrayText;
      }
      :focus-visible {
        outline-color: Highlight;
      }
    }
  `,
];
