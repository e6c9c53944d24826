// Stytch's B2B headless client alone (no UI): what a page loads before any form of its own.
import { StytchB2BHeadlessClient } from '@stytch/vanilla-js/b2b/headless';

globalThis.stytch = new StytchB2BHeadlessClient(
  'public-token-test-00000000-0000-4000-8000-000000000000',
);
