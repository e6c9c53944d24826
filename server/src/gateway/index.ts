export { createGateway } from './gateway.js';
export type {
  CookieNames,
  GatewayOptions,
  SessionDurationBounds,
  UpstreamFetch,
} from './options.js';
export type { StytchErrorBody } from './errors.js';
