// custom-elements.json from the class JSDoc (@fires, @csspart, @cssprop, @slot) of the public elements.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/internal/sanitize-code.ts'],
  outdir: '.',
  litelement: true,
};
