// Builds:
// - dist/…: the typed ESM package, one module per source file, lit and @lit/context left to the
//   host's bundler. Entries: the root (registers everything), one registering module per element
//   (dist/define/*.js), the class-only element modules and the client;
// - dist/otp-auth-elements.min.js: one minified ES module with lit included, for a
//   <script type="module"> tag and for the size budget (locale catalogs, <otp-code-field> and the
//   discovery views as chunks beside it, loaded when needed);
// - dist/otp-auth-elements.iife(.min).js: the same as a classic script, global `OtpAuthElements`
//   (loading the catalog chunks of the module build);
// - demo/dist/main.js: the demo page's script (not part of the package).
// Every map carries its sources (sourcesContent), so it resolves without src/ in the package.
import { readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const typescript = () =>
  esbuild({
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    define: { __OTP_AUTH_ELEMENTS_VERSION__: JSON.stringify(version) },
  });
const production = () => nodeResolve({ exportConditions: ['production'] });
const minify = (module = true) =>
  terser({ ecma: 2022, module, compress: { passes: 3 }, format: { comments: false } });
// The HTML and CSS of the `html` and `css` templates, minified (whitespace, comments; the CSS by
// lightningcss); a template it cannot parse fails the build instead of shipping unminified.
const templates = () =>
  minifyLiterals({
    include: ['src/**'],
    failOnError: true,
    options: { shouldMinify: (template) => template.tag === 'html' },
  });
const isExternal = (id) => /^(lit|@lit\/context)(\/|$)/.test(id) || id.startsWith('@lit/');
const sourcemap = { sourcemap: true, sourcemapExcludeSources: false };
const iife = { format: 'iife', name: 'OtpAuthElements', inlineDynamicImports: true, ...sourcemap };
// The classic script loads the locale catalogs from the module build's chunks beside it: import()
// works in a classic script and resolves against the script's own URL (tested in all three engines).
const catalogChunks = {
  name: 'catalog-chunks',
  resolveDynamicImport(specifier, importer) {
    const catalog = importer?.endsWith('/src/i18n/locales.ts') && /^\.\/(.+)\.js$/.exec(specifier);
    return catalog ? { id: `./otp-auth-elements.${catalog[1]}.min.js`, external: true } : null;
  },
};

// The script-tag file registers <otp-auth-provider> before every element that reads its context (the
// lazily loaded ones come later still), so no context request can precede its provider there: it
// leaves out the root that replays such requests (the package's entries keep it).
const withoutContextRoot = {
  name: 'without-context-root',
  load: (id) => (id.endsWith('/src/internal/context-root.ts') ? '' : null),
};

const elements = ['email-auth', 'sms-stepup', 'code-field', 'provider'];

export default [
  {
    input: {
      index: 'src/index.ts',
      // Shared by the root and the script-tag file; an entry so that the root's re-export resolves.
      exports: 'src/exports.ts',
      'client/index': 'src/client/index.ts',
      ...Object.fromEntries(elements.map((name) => [`define/${name}`, `src/define/${name}.ts`])),
    },
    external: isExternal,
    plugins: [typescript()],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      ...sourcemap,
    },
  },
  {
    input: 'src/script-tag.ts',
    // Lazy chunks import Lit from it: it stays one file (no facade in front of a shared chunk).
    preserveEntrySignatures: 'allow-extension',
    plugins: [withoutContextRoot, production(), typescript(), templates(), minify()],
    // Locale catalogs stay separate chunks next to it, loaded on first use.
    output: {
      dir: 'dist',
      entryFileNames: 'otp-auth-elements.min.js',
      chunkFileNames: 'otp-auth-elements.[name].min.js',
      format: 'es',
      ...sourcemap,
    },
  },
  {
    input: 'src/index.ts',
    plugins: [production(), typescript(), templates(), catalogChunks],
    // The locale catalogs stay out of it: it loads those of the module build on first use.
    output: [
      { file: 'dist/otp-auth-elements.iife.js', ...iife },
      { file: 'dist/otp-auth-elements.iife.min.js', ...iife, plugins: [minify(false)] },
    ],
  },
  {
    input: 'demo/main.ts',
    plugins: [production(), typescript(), minify()],
    output: { dir: 'demo/dist', entryFileNames: 'main.js', format: 'es', sourcemap: true },
  },
];
