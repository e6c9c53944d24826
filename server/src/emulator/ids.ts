// The shapes of the identifiers the emulator issues and accepts, so lookups refuse anything else
// before it reaches a map.

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const stytchId = (prefix: string) => new RegExp(`^${prefix}-(?:test|live)-${UUID}$`);

const ORGANIZATION_ID = stytchId('organization');
const MEMBER_ID = stytchId('member');
const SESSION_ID = stytchId('member-session');

/** "The slug only accepts alphanumeric characters and … - . _ ~. Must be between 2 and 128 characters". */
const SLUG = /^[a-zA-Z0-9_.~-]{2,128}$/;
/**
 * External ids: "a string consisting of alphanumeric, `.`, `_`, `-`, or `|` characters with a maximum
 * length of 128 characters" (SDK `organizations_members.d.ts`, `external_id`).
 */
const EXTERNAL_ID = /^[A-Za-z0-9._|-]{1,128}$/;

export const isOrganizationId = (value: string) => ORGANIZATION_ID.test(value);
export const isMemberId = (value: string) => MEMBER_ID.test(value);
export const isSessionId = (value: string) => SESSION_ID.test(value);
export const isSlug = (value: string) => SLUG.test(value);
export const isExternalId = (value: string) => EXTERNAL_ID.test(value);

/** What `organization_id` may hold: the id, the slug or the `organization_external_id`. */
export const isOrganizationLocator = (value: string) =>
  isOrganizationId(value) || isSlug(value) || isExternalId(value);
