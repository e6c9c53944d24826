#!/usr/bin/env node
// npm run bench (root): builds, then measures payload, start-up, typing cost and the server, and
// writes BENCHMARKS.md at the repository root. Installs bench/'s own dependencies when missing.
// BENCH_ONLY=payload,startup,typing,server runs a subset (the report then holds only those parts).
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import os from 'node:os';
import { bench, root } from './lib/paths.mjs';

const marker = join(bench, 'node_modules/.package-lock.json');
if (
  !existsSync(marker) ||
  statSync(join(bench, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs
) {
  console.log('bench: installing its dependencies (npm ci --prefix bench)…');
  execSync('npm ci --prefix bench --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}

const { measurePayload } = await import('./payload.mjs');
const { breakdown } = await import('./breakdown.mjs');
const { measureStartup } = await import('./startup.mjs');
const { measureTyping } = await import('./typing.mjs');
const { measureServer } = await import('./server.mjs');
const { machine } = await import('./lib/machine.mjs');
const { report } = await import('./report.mjs');
const { ours } = await import('./config.mjs');

if (process.env.BENCH_REPORT_ONLY) {
  // Re-renders BENCHMARKS.md from the last run's bench/dist/results.json (no measuring).
  const saved = JSON.parse(readFileSync(join(bench, 'dist', 'results.json'), 'utf8'));
  writeFileSync(join(root, 'BENCHMARKS.md'), report(saved));
  execSync('npx prettier --write BENCHMARKS.md', { cwd: root, stdio: 'ignore' });
  process.exit(0);
}

const only = new Set((process.env.BENCH_ONLY ?? 'payload,startup,typing,server').split(','));
const started = new Date();
const results = { date: started.toISOString(), machine: machine() };
const step = async (name, run) => {
  if (!only.has(name)) return;
  const t = performance.now();
  console.log(`bench: ${name}…`);
  results[name] = await run();
  writeFileSync(join(bench, 'dist', 'results.json'), JSON.stringify(results, null, 2));
  console.log(`bench: ${name} done in ${((performance.now() - t) / 1000).toFixed(0)} s`);
};

// Always: the bundles and the snapshot of our files that the pages load.
const payload = await measurePayload();
const reference = payload.rows.find((row) => row.budget && !row.missing);
if (!reference) throw new Error(`bench: ${ours.find((item) => item.budget).file} is missing`);
const urlOf = (row) => `/out/${relative(join(bench, 'dist'), row.entryFile)}`;

await step('payload', async () => ({
  rows: payload.rows,
  breakdown: breakdown(reference.entryFile),
  budgetFile: reference.file,
}));

await step('startup', () =>
  measureStartup(
    payload.rows
      .filter((row) => row.markup && !row.missing)
      .map((row) => ({
        id: row.id,
        name: row.name,
        markup: row.markup,
        classic: row.classic,
        url: urlOf(row),
      })),
  ),
);

await step('typing', () => measureTyping(urlOf(reference)));
await step('server', () => measureServer());

results.machine.loadAfter = os.loadavg();
results.seconds = (Date.now() - started.getTime()) / 1000;
writeFileSync(join(root, 'BENCHMARKS.md'), report(results));
execSync('npx prettier --write BENCHMARKS.md', { cwd: root, stdio: 'ignore' });
writeFileSync(join(bench, 'dist', 'results.json'), JSON.stringify(results, null, 2));
console.log(`bench: wrote BENCHMARKS.md (${results.seconds.toFixed(0)} s)`);
