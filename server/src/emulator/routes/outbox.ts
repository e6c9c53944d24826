// GET /__dev/outbox (JSON, or an HTML page for browsers) and DELETE /__dev/outbox. No credentials:
// the emulator is for local development only.

import type { Hono } from 'hono';
import type { Core } from '../core.js';
import { outboxPage } from '../outbox.js';

export const OUTBOX_PATH = '/__dev/outbox';

export function outboxRoutes(app: Hono, core: Core): void {
  app.get(OUTBOX_PATH, (c) => {
    const messages = core.outbox.list();
    if (prefersHtml(c.req.header('accept') ?? '')) return outboxPage(messages);
    return Response.json({ messages }, { headers: { 'Cache-Control': 'no-store' } });
  });

  app.delete(OUTBOX_PATH, () => {
    core.outbox.clear();
    return Response.json({ messages: [] });
  });
}

/** Browsers list text/html first; API clients ask for JSON or anything. */
function prefersHtml(accept: string): boolean {
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html !== -1 && (json === -1 || html < json);
}
