// Stytch's rule for organization slugs: 2 to 128 characters, letters, digits and - . _ ~
const SLUG = /^[A-Za-z0-9._~-]{2,128}$/;

export const isSlug = (value: string): boolean => SLUG.test(value);

/** A slug suggested from an organization's name: "Acme, Inc." → "acme-inc". */
export function slugFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._~]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 128);
}
