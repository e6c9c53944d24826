#!/usr/bin/env node
// Transfer size of what a page loads: both elements, the client and Lit in one minified module
// (dist/otp-auth-elements.min.js, built by `npm run build`). Target: about 14 KB brotli.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const file = 'dist/otp-auth-elements.min.js';
const code = readFileSync(file);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const brotli = brotliCompressSync(code, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
}).length;
console.log(`${file}`);
console.log(`  minified ${kb(code.length)}`);
console.log(`  gzip -9  ${kb(gzipSync(code, { level: 9 }).length)}`);
console.log(`  brotli   ${kb(brotli)} (target about 14 KB)`);
