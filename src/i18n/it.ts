import type { OtpMessages } from './messages.js';
import { count, plural, units, within } from './format.js';

const L = 'it';
const digits = (n: number) => `${count(L, n)} ${plural(L, n, { one: 'cifra', other: 'cifre' })}`;
const codeHint = (length: number) => `Inserisci il codice di ${digits(length)}.`;
const retryIn = (seconds: number) => `Riprova ${within(L, seconds)}`;
const startOver = 'L’accesso è scaduto. Ricomincia da capo.';
const wrongCode = 'Codice errato. Controllalo e riprova.';
const sessionEnded = 'La sessione è terminata. Accedi di nuovo.';
const emailExample = 'Inserisci un indirizzo email come nome@example.com.';

/** Italian (tu, as Italian sign-in screens address the reader). */
export const it: OtpMessages = {
  emailHeading: 'Accedi',
  emailLabel: 'Email di lavoro',
  emailSubmit: 'Continua',
  emailMissing: 'Inserisci il tuo indirizzo email.',
  emailInvalid: emailExample,
  signInTo: (organization) => `Accedi a ${organization}`,

  emailCodeHeading: 'Controlla la tua email',
  smsCodeHeading: 'Controlla i tuoi SMS',
  codeSentTo: (to) => `Abbiamo inviato un codice a ${to}.`,
  codeLabel: 'Codice di verifica',
  codeHint,
  codeSubmit: 'Verifica',
  codeIncomplete: (length, entered) =>
    entered
      ? `Il codice è di ${digits(length)}; ne hai ${plural(L, entered, { one: 'inserita', other: 'inserite' })} ${count(L, entered)}.`
      : codeHint(length),
  expiresIn: (minutes) => `Il codice scade tra ${units(L, minutes, 'minute')}.`,
  codeExpired: 'Il codice è scaduto. Richiedine uno nuovo.',
  resend: 'Invia un nuovo codice',
  resendIn: (seconds) => `Disponibile tra ${units(L, seconds, 'second', 'short')}`,
  resendAvailable: 'Ora puoi richiedere un nuovo codice.',
  codeResent: (to, time) => `Nuovo codice inviato a ${to} alle ore ${time}.`,
  resendWait: (seconds) => `Potrai richiedere un nuovo codice ${within(L, seconds)}.`,
  sendLimited: (seconds) =>
    `Troppi codici richiesti. Potrai richiederne uno nuovo ${within(L, seconds)}.`,
  codeNotNewest: 'Codice errato. Vale solo il codice più recente: usa l’ultimo messaggio ricevuto.',
  changeEmail: 'Usa un’altra email',
  edit: 'Modifica',
  changeNumber: 'Cambia numero',
  cancel: 'Annulla',
  cancelled: 'Verifica annullata.',
  sending: 'Invio in corso…',
  verifying: 'Verifica in corso…',

  retryIn,
  retryAvailable: 'Ora puoi riprovare.',
  lockedOut: (seconds) => `Troppi tentativi. ${retryIn(seconds)}.`,
  lockedUntil: (time) => `Troppi tentativi. Riprova alle ore ${time}.`,

  phoneHeading: 'Aggiungi un numero di telefono',
  phoneIntro: 'Ti invieremo un codice via SMS a questo numero per confermare che sei tu.',
  countryLabel: 'Prefisso internazionale',
  phoneLabel: 'Numero di cellulare',
  phoneHint: 'Senza prefisso internazionale.',
  phoneSubmit: 'Invia codice',
  phoneMissing: 'Inserisci il tuo numero di cellulare.',
  phoneInvalid:
    'Inserisci un numero di cellulare valido: scegli il prefisso internazionale, poi il numero.',
  stepUpHeading: 'Conferma che sei tu',
  smsWillSend: (to) => `Ti invieremo un codice via SMS al numero ${to}.`,
  mfaReason: 'La tua organizzazione richiede un secondo passaggio di verifica.',
  stepUpReason: 'Questa operazione richiede un secondo passaggio di verifica.',

  organizationsHeading: 'Scegli un’organizzazione',
  organizationsFor: (email) => `Organizzazioni di ${email}`,
  organizationOption: (organization, membership) => `${organization} — ${membership}`,
  membershipMember: 'membro',
  membershipInvited: 'invito in sospeso',
  membershipJoinable: 'puoi unirti',
  noOrganizations: (email) => `Nessuna organizzazione trovata per ${email}.`,
  createOrganization: 'Crea un’organizzazione',
  organizationNameLabel: 'Nome dell’organizzazione',
  organizationNameMissing: 'Inserisci un nome per l’organizzazione.',
  organizationSlugLabel: 'Nome breve (usato nei link)',
  organizationSlugHint: `Da ${count(L, 2)} a ${count(L, 128)} lettere, cifre o - . _ ~`,
  organizationSlugInvalid: `Usa da ${count(L, 2)} a ${count(L, 128)} lettere, cifre o - . _ ~ (senza spazi).`,
  createSubmit: 'Crea e accedi',
  backToOrganizations: 'Torna alle organizzazioni',
  discoveryExpired: 'L’accesso è scaduto. Continua con la tua email per ricevere un nuovo codice.',

  signedIn: 'Accesso effettuato.',
  mfaRequired: 'Manca ancora un passaggio per accedere.',
  stepUpComplete: 'Verifica completata.',
  startAgain: 'Ricomincia',
  busy: 'Attendi…',

  errors: {
    default: 'Si è verificato un errore. Riprova.',
    network_error: 'Impossibile raggiungere il server. Controlla la connessione e riprova.',
    timeout: 'Il server ha impiegato troppo tempo a rispondere. Riprova.',
    otp_code_not_found: wrongCode,
    invalid_code: wrongCode,
    unable_to_auth_otp_code: 'Questo codice è scaduto o è già stato usato. Richiedine uno nuovo.',
    too_many_requests: 'Troppi tentativi. Attendi qualche istante e riprova.',
    intermediate_session_not_found: startOver,
    invalid_email: emailExample,
    email_jit_provisioning_not_allowed:
      'Questo indirizzo email non può accedere a questa organizzazione.',
    invalid_phone_number: 'Questo numero di telefono non è valido. Controllalo e riprova.',
    duplicate_member_phone_number: 'Questo numero di telefono è già in uso. Usa un altro numero.',
    no_session_arguments: startOver,
    session_not_found: sessionEnded,
    unauthorized_credentials: sessionEnded,
    organization_slug_already_used: 'Questo nome breve è già in uso. Scegline un altro.',
    organization_creation_not_allowed: 'Qui non è possibile creare nuove organizzazioni.',
    invalid_email_for_jit_provisioning:
      'Non puoi ancora unirti a questa organizzazione con questa email. Chiedi un invito al suo amministratore.',
  },
};
