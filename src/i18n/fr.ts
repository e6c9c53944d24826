import type { OtpMessages } from './messages.js';
import { count, plural, units, within } from './format.js';

const L = 'fr';
// French puts a no-break space before « : » and a narrow one before « ; ».
const digits = (n: number) =>
  `${count(L, n)} ${plural(L, n, { one: 'chiffre', other: 'chiffres' })}`;
const codeHint = (length: number) => `Saisissez le code à ${digits(length)}.`;
const retryIn = (seconds: number) => `Réessayez ${within(L, seconds)}`;
const startOver = 'Votre connexion a expiré. Veuillez recommencer.';
const wrongCode = 'Code incorrect. Vérifiez-le, puis réessayez.';
const sessionEnded = 'Votre session a pris fin. Veuillez vous reconnecter.';
const emailExample = 'Saisissez une adresse e-mail au format nom@example.com.';

/** French (vous). */
export const fr: OtpMessages = {
  emailHeading: 'Connexion',
  emailLabel: 'Adresse e-mail professionnelle',
  emailSubmit: 'Continuer',
  emailMissing: 'Saisissez votre adresse e-mail.',
  emailInvalid: emailExample,
  signInTo: (organization) => `Connexion à ${organization}`,

  emailCodeHeading: 'Consultez vos e-mails',
  smsCodeHeading: 'Consultez vos SMS',
  codeSentTo: (to) => `Nous avons envoyé un code à ${to}.`,
  codeLabel: 'Code de vérification',
  codeHint,
  codeSubmit: 'Vérifier',
  codeIncomplete: (length, entered) =>
    entered
      ? `Le code comporte ${digits(length)}\u202f; vous en avez saisi ${count(L, entered)}.`
      : codeHint(length),
  expiresIn: (minutes) => `Le code expire dans ${units(L, minutes, 'minute')}.`,
  codeExpired: 'Le code a expiré. Demandez-en un nouveau.',
  resend: 'Envoyer un nouveau code',
  resendIn: (seconds) => `Disponible dans ${units(L, seconds, 'second', 'short')}`,
  resendAvailable: 'Vous pouvez maintenant demander un nouveau code.',
  codeResent: (to, time) => `Nouveau code envoyé à ${to} à ${time}.`,
  resendWait: (seconds) => `Vous pourrez demander un nouveau code ${within(L, seconds)}.`,
  sendLimited: (seconds) =>
    `Trop de codes demandés. Vous pourrez en demander un nouveau ${within(L, seconds)}.`,
  codeNotNewest:
    'Code incorrect. Seul le dernier code envoyé est valable\u00a0: utilisez le message le plus récent.',
  changeEmail: 'Utiliser une autre adresse e-mail',
  edit: 'Modifier',
  changeNumber: 'Changer de numéro',
  cancel: 'Annuler',
  cancelled: 'Vérification annulée.',
  sending: 'Envoi en cours…',
  verifying: 'Vérification…',

  retryIn,
  retryAvailable: 'Vous pouvez réessayer.',
  lockedOut: (seconds) => `Trop de tentatives. ${retryIn(seconds)}.`,
  lockedUntil: (time) => `Trop de tentatives. Réessayez à ${time}.`,

  phoneHeading: 'Ajoutez un numéro de téléphone',
  phoneIntro: 'Nous enverrons un code par SMS à ce numéro pour confirmer votre identité.',
  countryLabel: 'Indicatif du pays',
  phoneLabel: 'Numéro de mobile',
  phoneHint: 'Sans l’indicatif du pays.',
  phoneSubmit: 'Envoyer le code',
  phoneMissing: 'Saisissez votre numéro de mobile.',
  phoneInvalid:
    'Saisissez un numéro de mobile valide\u00a0: choisissez l’indicatif du pays, puis le numéro.',
  stepUpHeading: 'Confirmez votre identité',
  smsWillSend: (to) => `Nous allons envoyer un code par SMS au ${to}.`,
  mfaReason: 'Votre organisation exige une étape de vérification supplémentaire.',
  stepUpReason: 'Cette action nécessite une étape de vérification supplémentaire.',

  organizationsHeading: 'Choisissez une organisation',
  organizationsFor: (email) => `Organisations associées à ${email}`,
  organizationOption: (organization, membership) => `${organization} — ${membership}`,
  membershipMember: 'membre',
  membershipInvited: 'invitation en attente',
  membershipJoinable: 'vous pouvez la rejoindre',
  noOrganizations: (email) => `Aucune organisation trouvée pour ${email}.`,
  createOrganization: 'Créer une organisation',
  organizationNameLabel: 'Nom de l’organisation',
  organizationNameMissing: 'Saisissez un nom pour l’organisation.',
  organizationSlugLabel: 'Nom court (utilisé dans les liens)',
  organizationSlugHint: `De ${count(L, 2)} à ${count(L, 128)} lettres, chiffres ou - . _ ~`,
  organizationSlugInvalid: `Utilisez de ${count(L, 2)} à ${count(L, 128)} lettres, chiffres ou - . _ ~ (sans espaces).`,
  createSubmit: 'Créer et se connecter',
  backToOrganizations: 'Retour aux organisations',
  discoveryExpired:
    'Votre connexion a expiré. Continuez avec votre adresse e-mail pour recevoir un nouveau code.',

  signedIn: 'Connexion réussie.',
  mfaRequired: 'Encore une étape pour vous connecter.',
  stepUpComplete: 'Vérification réussie.',
  startAgain: 'Recommencer',
  busy: 'Veuillez patienter…',

  errors: {
    default: 'Une erreur s’est produite. Veuillez réessayer.',
    network_error: 'Impossible de joindre le serveur. Vérifiez votre connexion, puis réessayez.',
    timeout: 'Le serveur met trop de temps à répondre. Veuillez réessayer.',
    otp_code_not_found: wrongCode,
    invalid_code: wrongCode,
    unable_to_auth_otp_code: 'Ce code a expiré ou a déjà été utilisé. Demandez-en un nouveau.',
    too_many_requests: 'Trop de tentatives. Patientez un instant, puis réessayez.',
    intermediate_session_not_found: startOver,
    invalid_email: emailExample,
    email_jit_provisioning_not_allowed:
      'Cette adresse e-mail ne permet pas de se connecter à cette organisation.',
    invalid_phone_number: 'Ce numéro de téléphone n’est pas valide. Vérifiez-le, puis réessayez.',
    duplicate_member_phone_number:
      'Ce numéro de téléphone est déjà utilisé. Choisissez-en un autre.',
    no_session_arguments: startOver,
    session_not_found: sessionEnded,
    unauthorized_credentials: sessionEnded,
    organization_slug_already_used: 'Ce nom court est déjà pris. Choisissez-en un autre.',
    organization_creation_not_allowed: 'Impossible de créer une organisation ici.',
    invalid_email_for_jit_provisioning:
      'Vous ne pouvez pas encore rejoindre cette organisation avec cette adresse e-mail. Demandez une invitation à son administrateur.',
  },
};
