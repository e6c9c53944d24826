// The demo's gateway counts each client by the address of its socket, as the Node adapter gives it:
// one busy client is refused while another is still served.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDemoApp, type DemoApp } from '../../src/demo/demo-app.js';
import { apiRequest, EMAIL_LOGIN } from '../gateway/support.js';

let demo: DemoApp;
let organizationId: string;
let domain: string;

before(async () => {
  demo = await createDemoApp({ log: () => {} });
  const config = await (await demo.fetch(new Request('http://localhost/demo-config.json'))).json();
  const acme = config.organizations.find(
    (o: { mfa_policy: string }) => o.mfa_policy === 'OPTIONAL',
  );
  organizationId = acme.organization_id;
  domain = acme.email_allowed_domains[0];
});
after(() => demo.close());

/** A first send for a new address, from a socket at `address` (what `@hono/node-server` passes). */
let sent = 0;
function sendFrom(address: string) {
  const request = apiRequest(EMAIL_LOGIN, {
    base: 'http://localhost',
    body: { organization_id: organizationId, email_address: `client-${sent++}@${domain}` },
  });
  return demo.fetch(request, { incoming: { socket: { remoteAddress: address } } });
}

describe('demo gateway: clients told apart by their socket', () => {
  it('refuses a client over its send limit and still serves another', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await sendFrom('198.51.100.7')).status);
    assert.deepEqual(statuses.slice(0, 30), Array<number>(30).fill(200));
    assert.equal(statuses[30], 429);
    const other = await sendFrom('198.51.100.8');
    assert.equal(other.status, 200, await other.text());
  });
});
