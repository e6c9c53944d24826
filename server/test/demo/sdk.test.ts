// The official `stytch` SDK, pointed where the demo's banner says, reaches the emulator the demo's
// gateway uses (issue 10: the SDK resolves `/v1/...` from the origin's root, so a path prefix such
// as `/emulator/` cannot work).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { quietClient, sdkSettings, startFixture, type Fixture } from './support.js';

let fixture: Fixture;

before(async () => {
  fixture = await startFixture();
});
after(() => fixture.remove());

describe('official stytch SDK against the demo', () => {
  it('prints a root address on its own port, not a path prefix', () => {
    const { env } = sdkSettings(fixture.demo.banner);
    assert.equal(env, `http://localhost:${fixture.demo.emulatorPort}/`);
    assert.notEqual(fixture.demo.emulatorPort, fixture.demo.port);
    assert.doesNotMatch(fixture.demo.banner, /\/emulator\//);
  });

  it('reads the seeded organizations, signs a member in and verifies the session JWT', async () => {
    const client = quietClient(sdkSettings(fixture.demo.banner));
    const seeded = fixture.demo.app.emulator!.seedInfo!.organizations[0]!;
    const email = seeded.members[0]!.email_address;

    const { organization } = await client.organizations.get({
      organization_id: seeded.organization_id,
    });
    assert.equal(organization.organization_name, seeded.organization_name);

    await client.otps.email.loginOrSignup({
      organization_id: seeded.organization_id,
      email_address: email,
    });
    // The code lands in the outbox the page links to: one emulator behind the gateway and the SDK.
    const outbox = await fetch(`${fixture.demo.url}/__dev/outbox`);
    const { messages } = (await outbox.json()) as { messages: { to: string; code: string }[] };
    const code = messages.filter((m) => m.to === email).at(-1)!.code;
    const auth = await client.otps.email.authenticate({
      organization_id: seeded.organization_id,
      email_address: email,
      code,
    });

    const session = await client.sessions.authenticateJwt({ session_jwt: auth.session_jwt });
    assert.equal(session.member_session.member_id, auth.member_id);
    const remote = await client.sessions.authenticate({ session_token: auth.session_token });
    assert.equal(remote.member.email_address, email);
  });
});
