// The package root is the gateway: Web APIs only, so it bundles for Workers, Deno, Bun and edge
// runtimes. The emulator needs Node; import it from `otp-auth-server/emulator`.
export * from './gateway/index.js';
