// Stytch's error body, shared with the gateway (../shared), and the errors the emulator raises.

import { StytchError } from '../shared/errors.js';
import { requestId } from './crypto.js';

/** An error answered with Stytch's error body. Thrown anywhere in a handler. */
export { StytchError as ApiError };

export function errorResponse(error: StytchError): Response {
  return Response.json(error.toBody(requestId()), {
    status: error.status,
    headers: error.headers,
  });
}

export const badRequest = (errorType: string, message: string) =>
  new StytchError(400, errorType, message);

export const tooManyRequests = (retryAfterMs: number, message: string) =>
  new StytchError(429, 'too_many_requests', message, {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
  });

export const organizationNotFound = () =>
  new StytchError(
    404,
    'organization_not_found',
    'No organization was found with that organization_id.',
  );

export const memberNotFound = () =>
  new StytchError(
    404,
    'member_not_found',
    'No member was found in this organization with that id or email.',
  );

export const sessionNotFound = () =>
  new StytchError(
    404,
    'session_not_found',
    'The session could not be found: it is unknown, expired or revoked.',
  );

export const intermediateSessionNotFound = () =>
  new StytchError(
    404,
    'intermediate_session_not_found',
    'The intermediate session token is unknown, expired or already used. Start the login again.',
  );
