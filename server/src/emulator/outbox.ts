import { randomBytes } from 'node:crypto';
import { OUTBOX_MAX_MESSAGES, OUTBOX_REFRESH_SECONDS } from './constants.js';
import type { OutboxMessage } from './types.js';

/**
 * The local dev outbox: every email and SMS the emulator "sends", codes included. It exists so a
 * developer can log in without a mail server; it is memory-only and never leaves the machine.
 */
export class Outbox {
  private messages: OutboxMessage[] = [];

  constructor(private readonly log: (line: string) => void) {}

  record(message: OutboxMessage): void {
    this.messages.push(message);
    if (this.messages.length > OUTBOX_MAX_MESSAGES) this.messages.shift();
    const what = message.channel === 'email' ? 'email' : 'SMS';
    this.log(
      `[outbox] ${what} to ${message.to}: code ${message.code} (member ${message.member_id}, expires ${message.expires_at})`,
    );
  }

  list(): OutboxMessage[] {
    return this.messages.map((message) => ({ ...message }));
  }

  clear(): void {
    this.messages = [];
  }
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );

/** A small auto-refreshing page, newest message first; every value is escaped. */
export function outboxPage(messages: OutboxMessage[]): Response {
  const nonce = randomBytes(16).toString('base64');
  const rows = [...messages]
    .reverse()
    .map(
      (m) => `<tr>
  <td>${escapeHtml(m.channel === 'email' ? 'Email' : 'SMS')}</td>
  <td>${escapeHtml(m.to)}</td>
  <td class="code">${escapeHtml(m.code)}</td>
  <td><time datetime="${escapeHtml(m.sent_at)}">${escapeHtml(m.sent_at)}</time></td>
  <td><time datetime="${escapeHtml(m.expires_at)}">${escapeHtml(m.expires_at)}</time></td>
  <td>${escapeHtml(m.organization_id)}<br>${escapeHtml(m.member_id)}</td>
</tr>`,
    )
    .join('\n');
  const body = messages.length
    ? `<table>
<caption>${messages.length} message${messages.length === 1 ? '' : 's'}, newest first</caption>
<thead><tr><th scope="col">Channel</th><th scope="col">To</th><th scope="col">Code</th><th scope="col">Sent</th><th scope="col">Expires</th><th scope="col">Organization / member</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : '<p>No messages yet. Request a code and it appears here.</p>';
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${OUTBOX_REFRESH_SECONDS}">
<title>Dev outbox - Stytch B2B OTP emulator</title>
<style nonce="${nonce}">
  body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; color: #1a1a1a; background: #fff; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: start; font-weight: 600; padding-block: .5rem; }
  th, td { text-align: start; padding: .5rem .75rem; border-bottom: 1px solid #ccc; vertical-align: top; }
  .code { font: 600 1.5rem/1 ui-monospace, monospace; letter-spacing: .15em; }
  .note { background: #fff4d6; border: 1px solid #c99a00; padding: .5rem .75rem; }
</style>
</head>
<body>
<h1>Dev outbox</h1>
<p class="note">Local development only: this emulator shows one-time codes in clear text here and in its
console so you can log in without a mail or SMS provider. It refreshes every ${OUTBOX_REFRESH_SECONDS} seconds.</p>
${body}
</body>
</html>`;
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
    },
  });
}
