import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** Folders of the otp-auth-elements package the demo serves, each at its own name. */
const SERVED_FOLDERS = ['demo', 'dist'];

/**
 * The demo page at `/` and the files of `demo/` and `dist/` under `root`, nothing else.
 * hono's serveStatic refuses percent signs, dot segments, backslashes and empty segments;
 * `staysInside` adds what it would still serve: hidden files and symlinks leading out of the folder.
 */
export function serveDemoFiles(app: Hono, root: string): void {
  const noCache = (_path: string, c: Context) => c.header('Cache-Control', 'no-cache');
  app.get('/', serveStatic({ root, path: 'demo/index.html', onFound: noCache }));
  for (const folder of SERVED_FOLDERS) {
    app.get(`/${folder}/*`, staysInside(root, folder), serveStatic({ root, onFound: noCache }));
  }
}

function staysInside(root: string, folder: string): MiddlewareHandler {
  return async (c, next) => {
    if (/[/\\]\./.test(c.req.path)) return c.notFound();
    const [real, inside] = await Promise.all([
      realpath(join(root, c.req.path)).catch(() => null),
      realpath(join(root, folder)).catch(() => null),
    ]);
    // A path that does not exist is left to serveStatic, which answers 404 for it.
    if (real !== null && (inside === null || !real.startsWith(inside + sep))) return c.notFound();
    return next();
  };
}
