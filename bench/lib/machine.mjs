// The machine and software the numbers were measured on.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { bench, root } from './paths.mjs';

function osName() {
  const release = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const pretty = release.match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1];
  return `${pretty ?? os.type()} (${os.platform()} ${os.release()}, ${os.arch()})`;
}

const version = (dir, pkg) =>
  JSON.parse(readFileSync(join(dir, 'node_modules', pkg, 'package.json'), 'utf8')).version;

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    ramGiB: os.totalmem() / 1024 ** 3,
    os: osName(),
    node: process.version,
    load: os.loadavg(),
    versions: {
      'otp-auth-elements': JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
      lit: version(root, 'lit'),
      '@lit/context': version(root, '@lit/context'),
      rollup: version(root, 'rollup'),
      terser: version(root, 'terser'),
      esbuild: version(bench, 'esbuild'),
      'playwright-core': version(bench, 'playwright-core'),
    },
  };
}
