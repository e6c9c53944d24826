// custom-elements.json from the class JSDoc (@fires, @csspart, @cssprop, @slot) of the public elements.

/** The analyzer also lists `dispatchEvent(new SomeEventClass())` calls as nameless events; the
 * documented `@fires` entries already name them. */
function dropNamelessEvents() {
  return {
    name: 'drop-nameless-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((e) => e.name);
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/internal/sanitize-code.ts'],
  outdir: '.',
  litelement: true,
  plugins: [dropNamelessEvents()],
};
