/** Error types the client itself produces, next to the `error_type` values Stytch returns. */
export type ClientErrorType = 'network_error' | 'timeout' | 'unexpected_response';

/** Fields of a Stytch-shaped error body (Stytch's names) plus the parsed `Retry-After` (ours). */
export interface OtpAuthErrorInit {
  status_code: number;
  error_type: ClientErrorType | (string & {});
  error_message: string;
  request_id?: string;
  error_url?: string;
  retryAfter?: number;
  cause?: unknown;
}

/**
 * The one error the client throws for a failed request (aborts excepted: those reject with the
 * caller's `AbortError`). The fields of Stytch's error body keep Stytch's names (`status_code`,
 * `error_type`, `error_message`, `request_id`, `error_url`), so a provider error, a gateway error
 * and a client-side failure read the same and match Stytch's docs and SDKs; what the library adds
 * is camelCase (`retryAfter`, `isNetworkError`), like every other name it defines.
 */
export class OtpAuthError extends Error {
  /** HTTP status; 0 when no response arrived (`network_error`, `timeout`). */
  readonly status_code: number;
  /** Stytch's `error_type`, or `network_error`, `timeout`, `unexpected_response`. */
  readonly error_type: string;
  /** Human-readable text from the server. Render it as text, never as HTML. */
  readonly error_message: string;
  readonly request_id: string | undefined;
  readonly error_url: string | undefined;
  /** Seconds to wait before trying again, from the `Retry-After` header; undefined when absent or unreadable. */
  readonly retryAfter: number | undefined;

  constructor(init: OtpAuthErrorInit) {
    super(init.error_message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'OtpAuthError';
    this.status_code = init.status_code;
    this.error_type = init.error_type;
    this.error_message = init.error_message;
    this.request_id = init.request_id;
    this.error_url = init.error_url;
    this.retryAfter = init.retryAfter;
  }

  /** True when no response was received (connection failure or timeout): worth a "try again". */
  get isNetworkError(): boolean {
    return this.error_type === 'network_error' || this.error_type === 'timeout';
  }
}
