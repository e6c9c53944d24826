export { createGateway, type GatewayHandler } from './gateway.js';
export { DEFAULT_SMS_COUNTRIES } from './phone.js';
export type {
  CookieNames,
  GatewayOptions,
  OriginCheck,
  SessionDurationBounds,
  UpstreamFetch,
} from './options.js';
export * from './limit/index.js';
export { StytchError, type StytchErrorBody } from '../shared/errors.js';
