#!/usr/bin/env node
// Size of each JavaScript entry point of the package (after `npm run build`): the entry and what it
// imports statically (not the locale catalogs it loads on demand), bundled and minified, once with
// its dependencies left out (what the entry adds to an app that already has Lit) and once with Lit
// in (what a page loads for it alone). Prints a Markdown table.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = /^(lit|lit-html|lit-element|@lit\/|react|@angular\/|vue)(\/|$)/;
const framework = /^(react|@lit\/react|@angular\/|vue)(\/|$)/;

function sizes(code) {
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  return [code.length, gzipSync(code, { level: 9 }).length, brotli.length];
}

async function size(input, bundleLit) {
  const bundle = await rollup({
    input,
    external: (id) => (bundleLit ? framework.test(id) : external.test(id)),
    plugins: [nodeResolve({ exportConditions: ['production'] })],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({
    format: 'es',
    plugins: [terser({ ecma: 2022, module: true, format: { comments: false } })],
  });
  await bundle.close();
  // The entry and the chunks it imports statically; catalogs loaded on demand are not counted.
  const chunks = new Map(output.map((c) => [c.fileName, c]));
  const loaded = new Set();
  const visit = (chunk) => {
    if (loaded.has(chunk)) return;
    loaded.add(chunk);
    for (const file of chunk.imports ?? []) if (chunks.has(file)) visit(chunks.get(file));
  };
  visit(output.find((c) => c.isEntry));
  return sizes(Buffer.from([...loaded].map((c) => c.code).join('')));
}

const kb = (n) => (n / 1024).toFixed(1);
const cells = ([min, gzip, br]) => `${kb(min)} / ${kb(gzip)} / ${kb(br)}`;
console.log('| entry | own code KB (min / gzip / brotli) | with Lit KB (min / gzip / brotli) |');
console.log('| --- | --- | --- |');
for (const [key, target] of Object.entries(pkg.exports)) {
  const file = typeof target === 'string' ? target : target.default;
  if (!file.endsWith('.js') || file.endsWith('jsx.js') || file.includes('/vue/')) continue;
  const name = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
  const own = await size(file, false);
  const withLit = key.includes('react') || key.includes('angular') ? own : await size(file, true);
  console.log(`| \`${name}\` | ${cells(own)} | ${cells(withLit)} |`);
}
const iife = sizes(readFileSync(new URL('../dist/otp-auth-elements.iife.min.js', import.meta.url)));
console.log(
  `| \`dist/otp-auth-elements.iife.min.js\` (classic script) | ${cells(iife)} | ${cells(iife)} |`,
);
