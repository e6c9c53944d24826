// Links dist/angular/index.js (partial declarations) with Angular's own linker, as the Angular CLI
// does for a library, and prints the result (test/built/framework-types.test.ts reads it).
import { readFileSync } from 'node:fs';
import { transformSync } from '@babel/core';
import { createEs2015LinkerPlugin } from '@angular/compiler-cli/linker/babel';
import { ConsoleLogger, LogLevel, NodeJSFileSystem } from '@angular/compiler-cli';

const file = new URL('../../../dist/angular/index.js', import.meta.url).pathname;
const linker = createEs2015LinkerPlugin({
  fileSystem: new NodeJSFileSystem(),
  logger: new ConsoleLogger(LogLevel.warn),
  linkerJitMode: false,
});
const { code } = transformSync(readFileSync(file, 'utf8'), {
  filename: file,
  babelrc: false,
  configFile: false,
  plugins: [linker],
});
process.stdout.write(code);
