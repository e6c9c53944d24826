export * from './emulator/index.js';
