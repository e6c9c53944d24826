// Every page the demo serves carries the strict headers `/` carries, and every asset `nosniff`
// (issue 8, item 11).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PAGE_CSP } from '../../src/demo/security-headers.js';
import { rawRequest, startFixture, type Fixture } from './support.js';

let fixture: Fixture;

before(async () => {
  fixture = await startFixture();
});
after(() => fixture.remove());

describe('demo security headers', () => {
  for (const path of ['/', '/demo/index.html', '/dist/report.html']) {
    it(`${path}: an HTML page with the strict policy, nosniff and no referrer`, async () => {
      const reply = await rawRequest(fixture.demo.port, path);
      assert.equal(reply.status, 200);
      assert.match(reply.headers['content-type']!, /^text\/html/);
      assert.equal(reply.headers['content-security-policy'], DEMO_PAGE_CSP);
      assert.equal(reply.headers['x-content-type-options'], 'nosniff');
      assert.equal(reply.headers['referrer-policy'], 'no-referrer');
    });
  }

  for (const path of [
    '/demo/demo.css',
    '/dist/demo/main.js',
    '/demo-config.json',
    '/demo/nope.js',
  ]) {
    it(`${path}: nosniff and the strict policy`, async () => {
      const reply = await rawRequest(fixture.demo.port, path);
      assert.equal(reply.headers['x-content-type-options'], 'nosniff');
      assert.equal(reply.headers['content-security-policy'], DEMO_PAGE_CSP);
    });
  }

  it('the dev outbox page keeps its own, stricter policy', async () => {
    const reply = await fetch(`${fixture.demo.url}/__dev/outbox`, {
      headers: { accept: 'text/html' },
    });
    assert.match(reply.headers.get('content-type')!, /^text\/html/);
    assert.match(reply.headers.get('content-security-policy')!, /^default-src 'none'/);
    assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
  });
});
