// Minified, gzip -9 and brotli 11 byte counts (node:zlib; deterministic).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export function brotliBytes(code) {
  return brotliCompressSync(code, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
}

export function sizes(code) {
  const buffer = Buffer.from(code);
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliBytes(buffer),
  };
}
