// Three builds:
// - dist/…: the typed ESM package, one module per source file, lit and @lit/context left to the host's bundler;
// - dist/otp-auth-elements.min.js: one minified ES module with lit included, for a <script type="module"> tag and
//   for the size budget;
// - dist/demo/main.js: the demo page's script.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const typescript = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });
const production = () => nodeResolve({ exportConditions: ['production'] });
const minify = () =>
  terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } });
const isExternal = (id) => /^(lit|@lit\/context)(\/|$)/.test(id) || id.startsWith('@lit/');

export default [
  {
    input: { index: 'src/index.ts', 'client/index': 'src/client/index.ts' },
    external: isExternal,
    plugins: [typescript()],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
  },
  {
    input: 'src/index.ts',
    plugins: [production(), typescript(), minify()],
    output: { file: 'dist/otp-auth-elements.min.js', format: 'es', sourcemap: true },
  },
  {
    input: 'demo/main.ts',
    plugins: [production(), typescript(), minify()],
    output: { file: 'dist/demo/main.js', format: 'es', sourcemap: true },
  },
];
