// Stytch takes an organization's id, slug or external id in `organization_id` (the SDK's
// B2BOTPEmailAuthenticateRequest). What the gateway counts per organization (the user-lock mirror)
// must count one organization once, however a request names it.
import { isJsonObject } from '../shared/body.js';
import type { GatewayConfig } from './options.js';
import { callUpstream } from './upstream.js';

/** Stytch's ids start so; a slug or external id that does too is taken for an id. */
const STYTCH_ID = /^organization-(test|live)-/;
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 1000;

/** Slugs and external ids resolved to organization ids, each kept for ten minutes. */
export class OrganizationIds {
  readonly #resolved = new Map<string, { id: string; until: number }>();

  /** The organization id `locator` names: itself when it is one, else the upstream's answer. */
  async idOf(config: GatewayConfig, locator: string): Promise<string> {
    // `.` and `..` would be path segments of the upstream URL, not a name. With a pinned list,
    // only the names on it get this far.
    const pinned = config.allowedOrganizationIds?.has(locator) ?? false;
    if (pinned || STYTCH_ID.test(locator) || locator === '.' || locator === '..') return locator;
    const cached = this.#resolved.get(locator);
    if (cached && cached.until > Date.now()) return cached.id;
    const path = `/v1/b2b/organizations/${encodeURIComponent(locator)}`;
    const answer = await callUpstream(config, path, undefined, 'GET');
    const organization = answer.body.organization;
    const id = isJsonObject(organization) ? organization.organization_id : undefined;
    // Unknown: the request itself fails upstream, whatever it is counted under.
    if (answer.status >= 300 || typeof id !== 'string' || id === '') return locator;
    if (this.#resolved.size >= MAX_ENTRIES) this.#resolved.clear();
    this.#resolved.set(locator, { id, until: Date.now() + TTL_MS });
    return id;
  }
}
