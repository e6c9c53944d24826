import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Reads `relativePath` under `root`, refusing anything that would leave it. */
export async function readStaticFile(root: string, relativePath: string): Promise<Response | null> {
  const decoded = safeDecode(relativePath);
  if (decoded === null || decoded.includes('\0')) return null;
  const file = normalize(join(root, decoded));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const type = TYPES[extname(file)];
  if (!type) return null;
  try {
    const body = await readFile(file);
    return new Response(body, { headers: { 'content-type': type, 'cache-control': 'no-cache' } });
  } catch {
    return null;
  }
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
