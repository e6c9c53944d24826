/** A fetch handler; `platform` is what the server adapter passes (`{ incoming }` on Node). */
export type FetchHandler = (request: Request, platform?: unknown) => Promise<Response>;

/** The names a browser on this machine sends for the demo; anything else is refused (DNS rebinding). */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** True when `host` (the `Host` header) names this machine's loopback at `port`. */
export function isLocalHost(host: string | null, port: number): boolean {
  const name = host?.toLowerCase();
  return LOOPBACK_NAMES.some((loopback) => name === `${loopback}:${port}`);
}

/**
 * Answers `421 Misdirected Request` to any request whose `Host` is not this machine at `port()`,
 * so that a page whose DNS name was rebound to 127.0.0.1 cannot read the demo or drive the
 * emulator.
 */
export function localhostOnly(fetch: FetchHandler, port: () => number): FetchHandler {
  return async (request, platform) => {
    if (isLocalHost(request.headers.get('host'), port())) return fetch(request, platform);
    return new Response(`Misdirected request: this server answers only to localhost:${port()}.\n`, {
      status: 421,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  };
}
