// English of the discovery steps (organization list, create form): loaded with them.
import { addEnglish } from '../english.js';
import type { OtpMessagesOverride } from '../messages.js';

export const discovery = {
  organizationsHeading: 'Choose an organization',
  organizationsFor: (email) => `Organizations for ${email}`,
  organizationOption: (organization, membership) => `${organization} — ${membership}`,
  membershipMember: 'member',
  membershipInvited: 'invited',
  membershipJoinable: 'you can join',
  noOrganizations: (email) => `No organization was found for ${email}.`,
  createOrganization: 'Create an organization',
  organizationNameLabel: 'Organization name',
  organizationNameMissing: 'Enter a name for the organization.',
  organizationSlugLabel: 'Short name (used in links)',
  organizationSlugHint: '2 to 128 letters, digits or - . _ ~',
  organizationSlugInvalid: 'Use 2 to 128 letters, digits or - . _ ~ (no spaces).',
  createSubmit: 'Create and sign in',
  backToOrganizations: 'Back to organizations',
  discoveryExpired: 'Your sign-in has expired. Continue with your email to get a new code.',
  errors: {
    organization_slug_already_used: 'This short name is taken. Choose another one.',
    organization_creation_not_allowed: 'New organizations cannot be created here.',
  },
} satisfies OtpMessagesOverride;

addEnglish(discovery);
