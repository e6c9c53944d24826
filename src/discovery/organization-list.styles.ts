import { css } from 'lit';

/** The organization list of the discovery login. */
export const organizationListStyles = css`
  [part~='organization-list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_otp-space) * 0.5);
  }
  [part~='organization'] {
    width: 100%;
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: calc(var(--_otp-space) * 0.5);
    text-align: start;
    color: inherit;
    background: var(--_otp-surface);
    border: 1px solid var(--_otp-border);
  }
  [part~='organization']:hover {
    border-color: var(--_otp-primary);
  }
  [part~='organization-name'] {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part~='organization-membership'] {
    color: var(--_otp-muted);
    font-size: 0.875rem;
    white-space: nowrap;
  }
`;
