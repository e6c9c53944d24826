import { css } from 'lit';

/**
 * The layout of the steps from the code on (where the code went, the resend row, the ways back as
 * links), which the discovery and MFA steps share: adopted by the element with its code step.
 */
export const codeStepStyles = css`
  .sent-to {
    overflow-wrap: anywhere;
  }
  .row {
    display: flex;
    gap: calc(var(--_otp-space) * 0.5);
    align-items: center;
    flex-wrap: wrap;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_otp-space) * 0.5) var(--_otp-space);
  }
  [part~='link'] {
    min-height: 0;
    background: none;
    border: 0;
    color: var(--_otp-primary);
    text-decoration: underline;
    justify-self: start;
    padding: 0;
  }
  @media (forced-colors: active) {
    [part~='link'] {
      color: LinkText;
    }
  }
`;
