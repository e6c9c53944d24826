import { StytchError } from '../shared/errors.js';

export { StytchError } from '../shared/errors.js';
export type { StytchErrorBody } from '../shared/errors.js';

export function newRequestId(): string {
  return `request-id-gateway-${crypto.randomUUID()}`;
}

export const routeNotFound = () =>
  new StytchError(404, 'route_not_found', 'The requested endpoint does not exist.');
export const upstreamUnavailable = (cause?: unknown) =>
  withCause(
    new StytchError(
      502,
      'upstream_unavailable',
      'The authentication service could not be reached.',
    ),
    cause,
  );
export const upstreamTimeout = (cause?: unknown) =>
  withCause(
    new StytchError(504, 'upstream_timeout', 'The authentication service did not answer in time.'),
    cause,
  );

/** Keeps what went wrong for `onError`; the browser only ever sees the generic message. */
function withCause(error: StytchError, cause: unknown): StytchError {
  if (cause !== undefined) error.cause = cause;
  return error;
}
export const internalError = () =>
  new StytchError(500, 'internal_server_error', 'The request could not be processed.');
