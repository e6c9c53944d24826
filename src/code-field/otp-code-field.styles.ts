import { css } from 'lit';
import { tokens } from '../internal/tokens.js';

export const styles = [
  tokens,
  css`
    :host {
      display: block;
      --_space: calc(var(--_otp-space) / 2);
    }
    /* A flow element stretches the field to its form's width (--_otp-code-*). */
    .base {
      display: grid;
      gap: calc(var(--_space) / 2);
      justify-items: var(--_otp-code-align, start);
    }
    label {
      font-weight: 600;
    }
    [part='hint'],
    [part='error'] {
      font-size: 0.875em;
    }
    [part='hint'] {
      color: var(--_otp-muted);
    }
    [part='error'] {
      color: var(--_otp-error);
    }
    /* Not colour alone: a mark before the error. */
    [part='error']:not(:empty)::before {
      content: '⚠ ';
      content: '⚠ ' / '';
    }
    .field {
      position: relative;
    }
    input {
      box-sizing: border-box;
      width: var(
        --_otp-code-input-width,
        calc(var(--_length, 6) * (1ch + 0.5em) + 3 * var(--_space) + 2px)
      );
      margin: 0;
      padding: var(--_space) calc(var(--_space) * 1.5);
      font: inherit;
      font-size: var(--_otp-code-size);
      font-variant-numeric: tabular-nums;
      letter-spacing: 0.5em;
      color: var(--_otp-text);
      background: var(--_otp-surface);
      border: 1px solid var(--_otp-border);
      border-radius: var(--_otp-radius);
    }
    input:focus-visible {
      outline: 2px solid var(--_otp-focus);
      outline-offset: 2px;
    }
    input[aria-invalid='true'],
    input[aria-invalid='true'] ~ .boxes > * {
      border: 2px solid var(--_otp-error);
    }
    input:disabled,
    input:disabled ~ .boxes {
      cursor: not-allowed;
      opacity: 0.6;
    }
    input:read-only:not(:disabled) {
      cursor: progress;
    }
    /* Boxes: the real input stays on top and keeps receiving clicks, long-press and paste; its text
     is transparent (never opacity: 0, which hides the iOS paste menu). */
    .with-boxes input {
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
    .with-boxes input::selection {
      background: transparent;
    }
    /* Browsers paint autofilled inputs with !important colors that would cover the boxes; a
     transition that never runs keeps the input transparent. */
    .with-boxes input:autofill {
      transition:
        background-color 0s 10000000s,
        color 0s 10000000s;
      filter: none;
    }
    .boxes {
      display: flex;
      justify-content: space-between;
      gap: var(--_space);
      font-size: var(--_otp-code-size);
      font-variant-numeric: tabular-nums;
    }
    .boxes > * {
      display: grid;
      place-items: center;
      box-sizing: border-box;
      flex: var(--_otp-code-box-grow, 0) 1 1.75em;
      min-width: 0;
      max-width: 3em;
      height: 2.25em;
      border: 1px solid var(--_otp-border);
      border-radius: var(--_otp-radius);
      background: var(--_otp-surface);
    }
    [part~='box-active'] {
      outline: 2px solid var(--_otp-focus);
      outline-offset: 1px;
    }
    [part~='box-active']:not([part~='box-filled'])::after {
      content: '';
      width: 2px;
      height: 1em;
      background: currentColor;
    }
    @media (prefers-reduced-motion: no-preference) {
      [part~='box-active']::after {
        animation: blink 1s step-end infinite;
      }
    }
    @media (forced-colors: active) {
      [part~='box-active'] {
        outline-color: Highlight;
      }
      [part~='box-active']:not([part~='box-filled'])::after {
        background: CanvasText;
      }
    }
    @keyframes blink {
      50% {
        opacity: 0;
      }
    }
  `,
];
