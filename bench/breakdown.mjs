// Which module costs how many bytes of the script-tag file: every byte of the minified output is
// attributed to the source its source-map segment names (as source-map-explorer does). A module's
// brotli cost is its share of the file's brotli bytes, in proportion to its slice compressed alone
// (brotli is not additive; the shares add up to the file's real brotli size).
import { readFileSync } from 'node:fs';
import { brotliBytes } from './lib/sizes.mjs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Per generated line: [column, sourceIndex | -1][] in column order. */
function segments(mappings) {
  let source = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    return line
      .split(',')
      .filter(Boolean)
      .map((segment) => {
        const [dc, ds] = decodeVlq(segment);
        column += dc;
        if (ds === undefined) return [column, -1];
        source += ds;
        return [column, source];
      });
  });
}

export function group(source) {
  const path = source.replace(/^(\.\.\/)+/, '');
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  const folder = path.match(/^src\/([^/]+)\//);
  return folder ? `src/${folder[1]}/` : path;
}

export function breakdown(file) {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const lines = code.split('\n');
  const slices = new Map();
  const add = (key, text) => slices.set(key, (slices.get(key) ?? '') + text);
  // A segment runs to the next one, across line ends (multi-line template literals: CSS, HTML).
  let current = -1;
  const name = (source) => (source < 0 ? '(unmapped)' : map.sources[source]);
  segments(map.mappings).forEach((line, index) => {
    const text = (lines[index] ?? '') + (index < lines.length - 1 ? '\n' : '');
    add(name(current), text.slice(0, line.length ? line[0][0] : text.length));
    line.forEach(([column, source], i) => {
      const end = i + 1 < line.length ? line[i + 1][0] : text.length;
      current = source;
      add(name(source), text.slice(column, end));
    });
  });
  const total = brotliBytes(Buffer.from(code));
  const modules = [...slices]
    .map(([source, text]) => ({
      source: source.replace(/^(\.\.\/)+/, ''),
      group: group(source),
      min: Buffer.byteLength(text),
      alone: text.length ? brotliBytes(Buffer.from(text)) : 0,
    }))
    .filter((m) => m.min > 0);
  const aloneSum = modules.reduce((sum, m) => sum + m.alone, 0);
  for (const m of modules) m.brotli = Math.round((total * m.alone) / aloneSum);
  const groups = new Map();
  for (const m of modules) {
    const g = groups.get(m.group) ?? { group: m.group, min: 0, brotli: 0, modules: 0 };
    g.min += m.min;
    g.brotli += m.brotli;
    g.modules += 1;
    groups.set(m.group, g);
  }
  const byCost = (a, b) => b.brotli - a.brotli;
  return {
    total,
    min: Buffer.byteLength(code),
    modules: modules.sort(byCost),
    groups: [...groups.values()].sort(byCost),
  };
}
