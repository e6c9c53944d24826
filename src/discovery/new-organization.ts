import { isSlug, slugFrom } from './slug.js';

/** What the member typed in the create form, and which field is wrong. */
export interface NewOrganization {
  name: string;
  slug: string;
  /** The member typed the slug: it no longer follows the name. */
  slugTyped: boolean;
  nameBad: boolean;
  slugBad: boolean;
}

export const emptyOrganization = (): NewOrganization => ({
  name: '',
  slug: '',
  slugTyped: false,
  nameBad: false,
  slugBad: false,
});

/** The name changed: the slug follows it until the member types one. */
export function withName(form: NewOrganization, name: string): NewOrganization {
  const slug = form.slugTyped ? form.slug : slugFrom(name);
  return { ...form, name, slug, nameBad: false, slugBad: form.slugBad && !isSlug(slug) };
}

/** The slug changed: checked as it is typed. */
export const withSlug = (form: NewOrganization, slug: string): NewOrganization => ({
  ...form,
  slug,
  slugTyped: true,
  slugBad: !isSlug(slug),
});

/** Before sending: both fields checked. */
export const checked = (form: NewOrganization): NewOrganization => ({
  ...form,
  nameBad: !form.name.trim(),
  slugBad: !isSlug(form.slug),
});
