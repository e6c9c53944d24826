import type { OtpMessages } from './messages.js';
import { count, oneOClock, plural, units, within } from './format.js';

const L = 'ca-ES';
const digits = (n: number) => `${count(L, n)} ${plural(L, n, { one: 'xifra', other: 'xifres' })}`;
const codeHint = (length: number) => `Introduïu el codi de ${digits(length)}.`;
const retryIn = (seconds: number) => `Torneu-ho a provar ${within(L, seconds)}`;
const startOver = 'L’inici de sessió ha caducat. Torneu a començar.';
const wrongCode = 'El codi no és correcte. Reviseu-lo i torneu-ho a provar.';
const sessionEnded = 'La sessió ha finalitzat. Torneu a iniciar la sessió.';
const emailExample = 'Introduïu una adreça electrònica com ara nom@example.com.';
const slugRange = `${count(L, 2)} a ${count(L, 128)} lletres, xifres o - . _ ~`;

/** Catalan (vós in sentences, the imperative on buttons, as Catalan software writes). */
export const caES: OtpMessages = {
  emailHeading: 'Inici de sessió',
  emailLabel: 'Correu electrònic de la feina',
  emailSubmit: 'Continua',
  emailMissing: 'Introduïu la vostra adreça electrònica.',
  emailInvalid: emailExample,
  signInTo: (organization) => `Inici de sessió a ${organization}`,

  emailCodeHeading: 'Consulteu el correu',
  smsCodeHeading: 'Consulteu els SMS',
  codeSentTo: (to) => `Hem enviat un codi a ${to}.`,
  codeLabel: 'Codi de verificació',
  codeHint,
  codeSubmit: 'Verifica',
  codeIncomplete: (length, entered) =>
    entered
      ? `El codi té ${digits(length)} i n’heu introduït ${count(L, entered)}.`
      : codeHint(length),
  expiresIn: (minutes) => `El codi caduca d’aquí a ${units(L, minutes, 'minute')}.`,
  codeExpired: 'El codi ha caducat. Demaneu-ne un de nou.',
  resend: 'Envia un codi nou',
  resendIn: (seconds) => `Disponible d’aquí a ${units(L, seconds, 'second', 'short')}`,
  resendAvailable: 'Ja podeu demanar un codi nou.',
  codeResent: (to, time) =>
    `Hem enviat un codi nou a ${to} ${oneOClock(time) ? 'a la' : 'a les'} ${time}.`,
  resendWait: (seconds) => `Podreu demanar un codi nou ${within(L, seconds)}.`,
  sendLimited: (seconds) =>
    `Massa codis sol·licitats. Podreu demanar-ne un de nou ${within(L, seconds)}.`,
  codeNotNewest:
    'El codi no és correcte. Només funciona el més recent: feu servir l’últim missatge.',
  changeEmail: 'Utilitza una altra adreça',
  edit: 'Canvia',
  changeNumber: 'Canvia el número',
  cancel: 'Cancel·la',
  cancelled: 'Verificació cancel·lada.',
  sending: 'S’està enviant…',
  verifying: 'S’està verificant…',

  retryIn,
  retryAvailable: 'Ja podeu tornar-ho a provar.',
  lockedOut: (seconds) => `Massa intents. ${retryIn(seconds)}.`,
  lockedUntil: (time) =>
    `Massa intents. Torneu-ho a provar ${oneOClock(time) ? 'a la' : 'a les'} ${time}.`,

  phoneHeading: 'Afegiu un número de telèfon',
  phoneIntro: 'Us enviarem un codi per SMS a aquest número per confirmar que sou vós.',
  countryLabel: 'Prefix del país',
  phoneLabel: 'Número de mòbil',
  phoneHint: 'Sense el prefix del país.',
  phoneSubmit: 'Envia el codi',
  phoneMissing: 'Introduïu el vostre número de mòbil.',
  phoneInvalid: 'Introduïu un número de mòbil vàlid: trieu el prefix del país i després el número.',
  stepUpHeading: 'Confirmeu que sou vós',
  smsWillSend: (to) => `Us enviarem un codi per SMS al ${to}.`,
  mfaReason: 'La vostra organització requereix un segon pas de verificació.',
  stepUpReason: 'Aquesta acció requereix un segon pas de verificació.',

  organizationsHeading: 'Trieu una organització',
  organizationsFor: (email) => `Organitzacions de ${email}`,
  organizationOption: (organization, membership) => `${organization} — ${membership}`,
  membershipMember: 'membre',
  membershipInvited: 'invitació pendent',
  membershipJoinable: 'us hi podeu unir',
  noOrganizations: (email) => `No s’ha trobat cap organització per a ${email}.`,
  createOrganization: 'Crea una organització',
  organizationNameLabel: 'Nom de l’organització',
  organizationNameMissing: 'Introduïu un nom per a l’organització.',
  organizationSlugLabel: 'Nom curt (s’utilitza als enllaços)',
  organizationSlugHint: `De ${slugRange}`,
  organizationSlugInvalid: `Feu servir de ${slugRange} (sense espais).`,
  createSubmit: 'Crea i inicia la sessió',
  backToOrganizations: 'Torna a les organitzacions',
  discoveryExpired:
    'L’inici de sessió ha caducat. Continueu amb el vostre correu per rebre un codi nou.',

  signedIn: 'Heu iniciat la sessió.',
  mfaRequired: 'Falta un pas més per iniciar la sessió.',
  stepUpComplete: 'Verificació completada.',
  startAgain: 'Torna a començar',
  busy: 'Espereu un moment…',

  errors: {
    default: 'Alguna cosa ha fallat. Torneu-ho a provar.',
    network_error:
      'No s’ha pogut connectar amb el servidor. Comproveu la connexió i torneu-ho a provar.',
    timeout: 'El servidor ha trigat massa a respondre. Torneu-ho a provar.',
    otp_code_not_found: wrongCode,
    invalid_code: wrongCode,
    unable_to_auth_otp_code: 'Aquest codi ha caducat o ja s’ha fet servir. Demaneu-ne un de nou.',
    too_many_requests: 'Massa intents. Espereu una mica i torneu-ho a provar.',
    intermediate_session_not_found: startOver,
    invalid_email: emailExample,
    email_jit_provisioning_not_allowed:
      'Aquesta adreça electrònica no pot iniciar la sessió en aquesta organització.',
    invalid_phone_number: 'Aquest número de telèfon no és vàlid. Reviseu-lo i torneu-ho a provar.',
    duplicate_member_phone_number:
      'Aquest número de telèfon ja s’està fent servir. Feu servir un altre número.',
    no_session_arguments: startOver,
    session_not_found: sessionEnded,
    unauthorized_credentials: sessionEnded,
    organization_slug_already_used: 'Aquest nom curt ja està agafat. Trieu-ne un altre.',
    organization_creation_not_allowed: 'Aquí no es poden crear organitzacions noves.',
    invalid_email_for_jit_provisioning:
      'Encara no podeu unir-vos a aquesta organització amb aquest correu. Demaneu una invitació a l’administrador.',
  },
};
