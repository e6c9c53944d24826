// The module of csp-page.html: the elements and the scripted API, built in the page's own realm
// (so `instanceof OtpAuthError` inside the elements sees the same class the fake throws).
import '../../../src/define/email-auth.js';
import * as fakeApi from '../support/fake-api.js';

export type CspHarness = typeof fakeApi;

(window as unknown as { cspHarness: CspHarness }).cspHarness = fakeApi;
