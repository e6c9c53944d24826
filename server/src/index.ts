export * from './emulator/index.js';
export * from './gateway/index.js';
