import { css } from 'lit';
import { flowStyles } from '../internal/styles.js';

export const styles = [
  flowStyles,
  css`
    /* Inline MFA sits inside this element's own box: no second frame. */
    otp-sms-stepup::part(base) {
      padding: 0;
      background: none;
      border: 0;
    }
  `,
];
