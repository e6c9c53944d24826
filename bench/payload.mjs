// 1. Payload: our files as built, and each peer bundled the same way (esbuild, minified, browser
// ESM, code splitting so lazy chunks are counted apart from what loads at start).
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';
import { ours, peers } from './config.mjs';
import { sizes } from './lib/sizes.mjs';
import { bench, root } from './lib/paths.mjs';

const out = join(bench, 'dist');

async function bundle(id, entry) {
  const outdir = join(out, id);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: { [id]: entry },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: bench,
    outdir,
  });
  const outputs = result.metafile.outputs;
  // esbuild marks lazily imported modules as entry points too: the entry is the file named after it.
  const entryFile = Object.keys(outputs).find((file) => basename(file) === `${id}.js`);
  const initial = new Set();
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const link of outputs[file].imports)
      if (link.kind === 'import-statement') visit(link.path);
  };
  visit(entryFile);
  const js = Object.keys(outputs).filter((file) => file.endsWith('.js'));
  const read = (files) => files.map((file) => readFileSync(join(bench, file))).join('');
  return {
    entryFile: join(bench, entryFile),
    chunks: js.length,
    initial: sizes(read([...initial])),
    total: sizes(read(js)),
  };
}

function versionOf(pkg) {
  return JSON.parse(readFileSync(join(bench, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

export async function measurePayload() {
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const rows = [];
  for (const item of ours) {
    const path = join(root, item.file);
    if (!existsSync(path)) {
      rows.push({ ...item, missing: `${item.file} is not built yet` });
      continue;
    }
    if (item.bundle) {
      const result = await bundle(item.id, path);
      rows.push({ ...item, kind: 'ours', version, ...result, file: item.file });
    } else {
      // A snapshot: the pages and the breakdown read this copy, whatever rebuilds dist/ meanwhile,
      // with the chunks a page loads from beside it. "With lazy chunks" counts the English parts
      // loaded when their step is reached (`lazy`), not the other locales.
      const entryFile = join(out, item.id, basename(path));
      mkdirSync(dirname(entryFile), { recursive: true });
      const beside = item.beside?.(readdirSync(dirname(path))) ?? [];
      for (const name of [basename(path), ...beside]) {
        const file = join(dirname(path), name);
        copyFileSync(file, join(dirname(entryFile), name));
        if (existsSync(`${file}.map`))
          copyFileSync(`${file}.map`, join(dirname(entryFile), `${name}.map`));
      }
      const lazy = (item.lazy ?? []).map((name) => join(dirname(entryFile), name));
      const measured = sizes(readFileSync(entryFile));
      rows.push({
        ...item,
        kind: 'ours',
        version,
        entryFile,
        initial: measured,
        total: sizes([entryFile, ...lazy].map((file) => readFileSync(file)).join('')),
        chunks: 1 + lazy.length,
      });
    }
  }
  for (const peer of peers) {
    const version = versionOf(peer.pkg);
    try {
      const result = await bundle(peer.id, join(bench, 'entries', peer.entry));
      rows.push({ ...peer, kind: 'peer', version, ...result, file: `bench/entries/${peer.entry}` });
    } catch (error) {
      const reason = (error.errors ?? [error]).map((e) => e.text ?? e.message).join('; ');
      rows.push({ ...peer, kind: 'peer', version, missing: `esbuild failed: ${reason}` });
    }
  }
  const base = rows.find((row) => row.budget && !row.missing);
  for (const row of rows) {
    if (!row.missing && base) row.ratio = row.initial.brotli / base.initial.brotli;
  }
  return { rows };
}
