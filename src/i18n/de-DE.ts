import type { OtpMessages } from './messages.js';
import { count, plural, units, within } from './format.js';

const L = 'de-DE';
const codeHint = (length: number) => `Geben Sie den ${count(L, length)}-stelligen Code ein.`;
const retryIn = (seconds: number) => `Versuchen Sie es ${within(L, seconds)} erneut`;
const startOver = 'Ihre Anmeldung ist abgelaufen. Bitte beginnen Sie neu.';
const wrongCode = 'Der Code ist falsch. Prüfen Sie ihn und versuchen Sie es erneut.';
const sessionEnded = 'Ihre Sitzung ist beendet. Bitte melden Sie sich erneut an.';
const emailExample = 'Geben Sie eine E-Mail-Adresse wie name@example.com ein.';

/** German (Sie). */
export const deDE: OtpMessages = {
  emailHeading: 'Anmelden',
  emailLabel: 'Geschäftliche E-Mail-Adresse',
  emailSubmit: 'Weiter',
  emailMissing: 'Geben Sie Ihre E-Mail-Adresse ein.',
  emailInvalid: emailExample,
  signInTo: (organization) => `Bei ${organization} anmelden`,

  emailCodeHeading: 'Prüfen Sie Ihre E-Mails',
  smsCodeHeading: 'Prüfen Sie Ihre SMS',
  codeSentTo: (to) => `Wir haben einen Code an ${to} gesendet.`,
  codeLabel: 'Bestätigungscode',
  codeHint,
  codeSubmit: 'Bestätigen',
  codeIncomplete: (length, entered) =>
    entered
      ? `Der Code hat ${count(L, length)} ${plural(L, length, { one: 'Stelle', other: 'Stellen' })}; Sie haben ${count(L, entered)} eingegeben.`
      : codeHint(length),
  expiresIn: (minutes) => `Der Code läuft in ${units(L, minutes, 'minute')} ab.`,
  codeExpired: 'Der Code ist abgelaufen. Fordern Sie einen neuen an.',
  resend: 'Neuen Code senden',
  resendIn: (seconds) => `Verfügbar in ${units(L, seconds, 'second', 'short')}`,
  resendAvailable: 'Sie können jetzt einen neuen Code anfordern.',
  codeResent: (to, time) => `Neuer Code um ${time} Uhr an ${to} gesendet.`,
  resendWait: (seconds) => `Sie können ${within(L, seconds)} einen neuen Code anfordern.`,
  sendLimited: (seconds) =>
    `Zu viele Codes angefordert. Sie können ${within(L, seconds)} einen neuen anfordern.`,
  codeNotNewest:
    'Der Code ist falsch. Nur der neueste Code gilt: Verwenden Sie die letzte Nachricht.',
  changeEmail: 'Andere E-Mail-Adresse verwenden',
  edit: 'Ändern',
  changeNumber: 'Nummer ändern',
  cancel: 'Abbrechen',
  cancelled: 'Bestätigung abgebrochen.',
  sending: 'Wird gesendet…',
  verifying: 'Wird geprüft…',

  retryIn,
  retryAvailable: 'Sie können es jetzt erneut versuchen.',
  lockedOut: (seconds) => `Zu viele Versuche. ${retryIn(seconds)}.`,
  lockedUntil: (time) => `Zu viele Versuche. Versuchen Sie es um ${time} Uhr erneut.`,

  phoneHeading: 'Telefonnummer hinzufügen',
  phoneIntro: 'Wir senden einen Code per SMS an diese Nummer, um zu bestätigen, dass Sie es sind.',
  countryLabel: 'Ländervorwahl',
  phoneLabel: 'Mobilnummer',
  phoneHint: 'Ohne Ländervorwahl.',
  phoneSubmit: 'Code senden',
  phoneMissing: 'Geben Sie Ihre Mobilnummer ein.',
  phoneInvalid:
    'Geben Sie eine gültige Mobilnummer ein: Wählen Sie die Ländervorwahl und dann die Nummer.',
  stepUpHeading: 'Bestätigen Sie Ihre Identität',
  smsWillSend: (to) => `Wir senden einen Code per SMS an ${to}.`,
  mfaReason: 'Ihre Organisation erfordert einen zweiten Bestätigungsschritt.',
  stepUpReason: 'Diese Aktion erfordert einen zweiten Bestätigungsschritt.',

  organizationsHeading: 'Organisation auswählen',
  organizationsFor: (email) => `Organisationen für ${email}`,
  organizationOption: (organization, membership) => `${organization} – ${membership}`,
  membershipMember: 'Mitglied',
  membershipInvited: 'eingeladen',
  membershipJoinable: 'Beitritt möglich',
  noOrganizations: (email) => `Für ${email} wurde keine Organisation gefunden.`,
  createOrganization: 'Organisation erstellen',
  organizationNameLabel: 'Name der Organisation',
  organizationNameMissing: 'Geben Sie einen Namen für die Organisation ein.',
  organizationSlugLabel: 'Kurzname (für Links)',
  organizationSlugHint: `${count(L, 2)} bis ${count(L, 128)} Buchstaben, Ziffern oder - . _ ~`,
  organizationSlugInvalid: `Verwenden Sie ${count(L, 2)} bis ${count(L, 128)} Buchstaben, Ziffern oder - . _ ~ (keine Leerzeichen).`,
  createSubmit: 'Erstellen und anmelden',
  backToOrganizations: 'Zurück zu den Organisationen',
  discoveryExpired:
    'Ihre Anmeldung ist abgelaufen. Fahren Sie mit Ihrer E-Mail-Adresse fort, um einen neuen Code zu erhalten.',

  signedIn: 'Sie sind angemeldet.',
  mfaRequired: 'Noch ein Schritt bis zur Anmeldung.',
  stepUpComplete: 'Bestätigt.',
  startAgain: 'Neu beginnen',
  busy: 'Bitte warten…',

  errors: {
    default: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
    network_error:
      'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    timeout: 'Der Server hat zu lange nicht geantwortet. Bitte versuchen Sie es erneut.',
    otp_code_not_found: wrongCode,
    invalid_code: wrongCode,
    unable_to_auth_otp_code:
      'Dieser Code ist abgelaufen oder wurde bereits verwendet. Fordern Sie einen neuen an.',
    too_many_requests: 'Zu viele Versuche. Bitte warten Sie kurz und versuchen Sie es dann erneut.',
    intermediate_session_not_found: startOver,
    invalid_email: emailExample,
    email_jit_provisioning_not_allowed:
      'Mit dieser E-Mail-Adresse ist keine Anmeldung bei dieser Organisation möglich.',
    invalid_phone_number:
      'Diese Telefonnummer ist ungültig. Prüfen Sie sie und versuchen Sie es erneut.',
    duplicate_member_phone_number:
      'Diese Telefonnummer wird bereits verwendet. Verwenden Sie eine andere Nummer.',
    no_session_arguments: startOver,
    session_not_found: sessionEnded,
    unauthorized_credentials: sessionEnded,
    organization_slug_already_used:
      'Dieser Kurzname ist bereits vergeben. Wählen Sie einen anderen.',
    organization_creation_not_allowed: 'Hier können keine neuen Organisationen erstellt werden.',
    invalid_email_for_jit_provisioning:
      'Mit dieser E-Mail-Adresse können Sie dieser Organisation noch nicht beitreten. Bitten Sie die Administration um eine Einladung.',
  },
};
