/** Stytch's error body: every error either side produces has exactly these keys. */
export interface StytchErrorBody {
  status_code: number;
  request_id: string;
  error_type: string;
  error_message: string;
  error_url: string;
}

export function stytchErrorBody(
  status: number,
  errorType: string,
  message: string,
  requestId: string,
): StytchErrorBody {
  return {
    status_code: status,
    request_id: requestId,
    error_type: errorType,
    error_message: message,
    error_url: `https://stytch.com/docs/api/errors/${status}#${errorType}`,
  };
}

/**
 * An error answered with Stytch's body. `headers` travel with the answer (e.g. `Retry-After`).
 * The gateway and the emulator throw it (or a subclass) anywhere in a handler.
 */
export class StytchError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'StytchError';
  }

  toBody(requestId: string): StytchErrorBody {
    return stytchErrorBody(this.status, this.errorType, this.message, requestId);
  }
}
