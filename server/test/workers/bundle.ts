// Bundles the package's entries the way a Workers/edge build would: platform neutral, ESM, with
// every Node built-in recorded (and left out) so tests can fail on any.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

export const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, { default: string } | string>;
};

/** `otp-auth-server` plus the subpath: `./gateway` → `otp-auth-server/gateway`. */
export const specifierOf = (subpath: string) => pkg.name + subpath.slice(1);

/** The source file behind an export: `./dist/x/index.js` → `src/x/index.ts`. */
function sourceOf(subpath: string): string {
  const target = pkg.exports[subpath];
  const file = typeof target === 'string' ? target : target.default;
  return join(serverDir, file.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
}

const NODE_BUILTIN =
  /^node:|^(fs|path|crypto|os|http|https|net|tls|stream|url|util|buffer|events)$/;

function recordBuiltins(imports: string[]): Plugin {
  return {
    name: 'record-node-builtins',
    setup(plugin) {
      plugin.onResolve({ filter: NODE_BUILTIN }, (args) => {
        imports.push(args.path);
        return { path: args.path, external: true };
      });
    },
  };
}

/**
 * Bundles `contents` (an ES module importing package entries by name) for a neutral platform.
 * `imports` lists the Node built-ins the module graph asked for.
 */
export async function bundleNeutral(contents: string, subpaths: string[]) {
  const imports: string[] = [];
  const alias = Object.fromEntries(subpaths.map((s) => [specifierOf(s), sourceOf(s)]));
  const result = await build({
    stdin: { contents, resolveDir: serverDir, loader: 'js' },
    alias,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
    plugins: [recordBuiltins(imports)],
  });
  return { imports, code: result.outputFiles[0].text };
}
