/** Stytch's error body shape, used for every error the gateway produces. */
export interface StytchErrorBody {
  status_code: number;
  request_id: string;
  error_type: string;
  error_message: string;
  error_url: string;
}

/** An error the gateway answers itself, before or instead of asking the upstream. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }

  toBody(): StytchErrorBody {
    return {
      status_code: this.status,
      request_id: newRequestId(),
      error_type: this.errorType,
      error_message: this.message,
      error_url: `https://stytch.com/docs/api/errors/${this.status}#${this.errorType}`,
    };
  }
}

export function newRequestId(): string {
  return `request-id-gateway-${crypto.randomUUID()}`;
}

export const routeNotFound = () =>
  new GatewayError(404, 'route_not_found', 'The requested endpoint does not exist.');
export const upstreamUnavailable = () =>
  new GatewayError(502, 'upstream_unavailable', 'The authentication service could not be reached.');
export const upstreamTimeout = () =>
  new GatewayError(504, 'upstream_timeout', 'The authentication service did not answer in time.');
export const internalError = () =>
  new GatewayError(500, 'internal_server_error', 'The request could not be processed.');
