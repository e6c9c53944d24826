import { requestId } from './crypto.js';

/** An error answered with Stytch's error body. Thrown anywhere in a handler. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ErrorBody {
  status_code: number;
  request_id: string;
  error_type: string;
  error_message: string;
  error_url: string;
}

export function errorBody(status: number, errorType: string, message: string): ErrorBody {
  return {
    status_code: status,
    request_id: requestId(),
    error_type: errorType,
    error_message: message,
    error_url: `https://stytch.com/docs/api/errors/${status}#${errorType}`,
  };
}

export function errorResponse(error: ApiError): Response {
  return Response.json(errorBody(error.status, error.errorType, error.message), {
    status: error.status,
    headers: error.headers,
  });
}

export const badRequest = (errorType: string, message: string) =>
  new ApiError(400, errorType, message);

export const tooManyRequests = (retryAfterMs: number, message: string) =>
  new ApiError(429, 'too_many_requests', message, {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
  });

export const organizationNotFound = () =>
  new ApiError(
    404,
    'organization_not_found',
    'No organization was found with that organization_id.',
  );

export const memberNotFound = () =>
  new ApiError(
    404,
    'member_not_found',
    'No member was found in this organization with that id or email.',
  );

export const sessionNotFound = () =>
  new ApiError(
    404,
    'session_not_found',
    'The session could not be found: it is unknown, expired or revoked.',
  );

export const intermediateSessionNotFound = () =>
  new ApiError(
    404,
    'intermediate_session_not_found',
    'The intermediate session token is unknown, expired or already used. Start the login again.',
  );
