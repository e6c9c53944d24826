// What the gateway and the emulator both know about Stytch. Web APIs only: no node: imports.
export * from './body.js';
export * from './errors.js';
export * from './limits.js';
export * from './locales.js';
