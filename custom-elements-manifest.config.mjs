// custom-elements.json from the class JSDoc (@fires, @csspart, @cssprop, @slot) of the public elements,
// shaped for the tools that read it (IDEs, scripts/gen-types.mjs): paths of the shipped dist/ modules,
// tag names from the `defineElement('tag', Class)` calls in src/define/, only public members, parts
// forwarded with `exportparts` listed as parts of the element that forwards them, and events whose
// type names the exported event class.

import { posix } from 'node:path';

/** Source modules of types only: they ship as `.d.ts` alone. */
const typeOnly = new Set();
const distPath = (path) => {
  const source = path.replace(/^\//, '').replace(/\.js$/, '.ts');
  const shipped = typeOnly.has(source)
    ? source.replace(/\.ts$/, '.d.ts')
    : source.replace(/\.ts$/, '.js');
  return shipped.replace(/^src\//, 'dist/');
};

/** `defineElement('otp-x', OtpX)` registers the element: the manifest's tag name and definition export. */
function defineElementCalls() {
  const tags = new Map();
  return {
    name: 'define-element-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !element || !ts.isIdentifier(element)) return;
      tags.set(element.text, tag.text);
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: element.text },
      });
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? [])
          if (d.kind === 'class') modules.set(d.name, mod.path);
        for (const d of mod.declarations ?? []) {
          if (tags.has(d.name)) d.tagName = tags.get(d.name);
        }
      }
      for (const mod of customElementsManifest.modules) {
        for (const e of mod.exports ?? []) {
          if (e.kind === 'custom-element-definition' && !e.declaration.module) {
            e.declaration.module = modules.get(e.declaration.name);
          }
        }
      }
    },
  };
}

/** Only elements with a tag are custom elements; the abstract base is a plain class. */
function onlyTaggedElements() {
  return {
    name: 'only-tagged-elements',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? [])
          if (d.customElement && !d.tagName) delete d.customElement;
      }
    },
  };
}

/**
 * Private and protected members are implementation, not contract; so are Lit's static settings and
 * members documented `@internal` (public only for the element's own lazily loaded parts; the
 * analyzer also re-adds fields from `static properties`).
 */
function onlyPublicMembers() {
  const litStatics = new Set(['styles', 'shadowRootOptions', 'properties', 'formAssociated']);
  const internal = new Set(); // `Class.field`
  const hidden = (d, m) =>
    m.privacy === 'private' ||
    m.privacy === 'protected' ||
    /^[_#]/.test(m.name) ||
    (m.static && litStatics.has(m.name)) ||
    internal.has(`${m.inheritedFrom?.name ?? d.name}.${m.name}`);
  return {
    name: 'only-public-members',
    analyzePhase({ ts, node }) {
      const member =
        ts.isPropertyDeclaration(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isGetAccessorDeclaration(node);
      if (!member || !ts.isClassDeclaration(node.parent)) return;
      if (ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'internal')) {
        internal.add(`${node.parent.name?.text}.${node.name.getText()}`);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (d.members) d.members = d.members.filter((m) => !hidden(d, m));
          if (d.attributes) {
            const fields = new Set((d.members ?? []).map((m) => m.name));
            d.attributes = d.attributes.filter((a) => !a.fieldName || fields.has(a.fieldName));
          }
        }
      }
    },
  };
}

/**
 * The analyzer also lists `dispatchEvent(new SomeEventClass())` calls as nameless events; the
 * documented `@fires` entries already name them. Each event typed with one of our classes gets a
 * reference to the module that exports it.
 */
function typedEvents() {
  return {
    name: 'typed-events',
    packageLinkPhase({ customElementsManifest }) {
      const exported = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? [])
          if (d.kind === 'class') exported.set(d.name, mod.path);
      }
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (!d.events) continue;
          d.events = d.events.filter((e) => e.name);
          for (const event of d.events) {
            const name = event.type?.text;
            if (exported.has(name)) {
              event.type.references = [
                { name, module: exported.get(name), start: 0, end: name.length },
              ];
            }
          }
        }
      }
    },
  };
}

/**
 * `exportparts="a:b,c"` on an inner element makes its parts `b` and `c` parts of the host; they are
 * listed as the host's own, described from the inner element. The templates are those of the
 * class's modules and of the modules they load lazily (`import('./x.js')`: a step's template).
 * Runs after tag names are known.
 */
function forwardedParts() {
  const forwards = new Map(); // module path → [{ tag, pairs: [[inner, outer]] }]
  const lazyImports = new Map(); // module path → paths of the modules it imports with import()
  const pattern = /<([a-z][\w-]*-[\w-]*)\b[^>]*?\bexportparts="([^"$]+)"/g;
  const dynamic = /\bimport\(\s*['"](\.[^'"]+)\.js['"]\s*\)/g;
  return {
    name: 'forwarded-parts',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isSourceFile(node)) return;
      const text = node.getFullText();
      lazyImports.set(
        moduleDoc.path,
        [...text.matchAll(dynamic)].map(([, spec]) =>
          posix.join(posix.dirname(moduleDoc.path), `${spec}.ts`),
        ),
      );
      const found = [...text.matchAll(pattern)].map(([, tag, list]) => ({
        tag,
        pairs: list.split(',').map((item) => {
          const [inner, outer = inner] = item.trim().split(':');
          return [inner, outer];
        }),
      }));
      if (found.length) forwards.set(moduleDoc.path, found);
    },
    packageLinkPhase({ customElementsManifest }) {
      const classes = new Map();
      const byTag = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (d.kind !== 'class') continue;
          classes.set(d.name, { d, path: mod.path });
          if (d.tagName) byTag.set(d.tagName, d);
        }
      }
      const modulesOf = (name) => {
        const out = [];
        for (let c = classes.get(name); c; c = classes.get(c.d.superclass?.name)) out.push(c.path);
        return out;
      };
      const done = new Set();
      const resolve = (d) => {
        if (done.has(d)) return d.cssParts ?? [];
        done.add(d);
        const parts = (d.cssParts ??= []);
        const paths = modulesOf(d.name).flatMap((path) => [path, ...(lazyImports.get(path) ?? [])]);
        for (const path of paths) {
          for (const { tag, pairs } of forwards.get(path) ?? []) {
            const inner = byTag.get(tag);
            const innerParts = inner ? resolve(inner) : [];
            for (const [from, to] of pairs) {
              if (parts.some((p) => p.name === to)) continue;
              const source = innerParts.find((p) => p.name === from);
              parts.push({
                name: to,
                description: `Forwarded from the inner \`<${tag}>\` (its \`${from}\` part)${source?.description ? `: ${source.description}` : '.'}`,
              });
            }
          }
        }
        return parts;
      };
      for (const d of byTag.values()) resolve(d);
    },
  };
}

/**
 * Module paths (and every reference to a module, re-exports' relative ones resolved) name the
 * shipped files in dist/: the `.js` module, or the `.d.ts` of a module of types only.
 */
function distModulePaths() {
  const rewrite = (value, from) => {
    if (Array.isArray(value)) return value.forEach((item) => rewrite(item, from));
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof child === 'string') {
        const path = child.startsWith('.') ? posix.join(posix.dirname(from), child) : child;
        value[key] = distPath(path);
      } else rewrite(child, from);
    }
  };
  return {
    name: 'dist-module-paths',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isSourceFile(node)) return;
      const onlyTypes = node.statements.every(
        (s) =>
          ts.isInterfaceDeclaration(s) ||
          ts.isTypeAliasDeclaration(s) ||
          (ts.isImportDeclaration(s) && s.importClause?.isTypeOnly) ||
          (ts.isExportDeclaration(s) && s.isTypeOnly),
      );
      if (onlyTypes) typeOnly.add(moduleDoc.path);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) rewrite(mod, mod.path);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // The script-tag file's entry is a build input, not a module of the package.
  exclude: ['src/**/*.test.ts', 'src/internal/sanitize-code.ts', 'src/script-tag.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    defineElementCalls(),
    onlyTaggedElements(),
    onlyPublicMembers(),
    typedEvents(),
    forwardedParts(),
    distModulePaths(),
  ],
};
