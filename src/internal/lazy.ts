import { OtpAuthError } from '../client/otp-auth-error.js';

/**
 * A part of the elements that loads only when its step is reached. The module is fetched once and
 * kept; a failed fetch rejects with a `network_error` (shown like a request that could not reach
 * the server) and the next call fetches again.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((cause: unknown) => {
      loading = undefined;
      console.warn(
        'otp-auth-elements: a part could not be fetched; serve the otp-auth-elements.*.min.js ' +
          'files beside the script-tag file.',
        cause,
      );
      throw new OtpAuthError({
        status_code: 0,
        error_type: 'network_error',
        error_message: 'A part of the form could not be loaded.',
        cause,
      });
    }));
}
