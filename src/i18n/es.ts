import type { OtpMessages } from './messages.js';
import { count, oneOClock, plural, units, within } from './format.js';

const L = 'es';
const digits = (n: number) => `${count(L, n)} ${plural(L, n, { one: 'dígito', other: 'dígitos' })}`;
const codeHint = (length: number) => `Introduce el código de ${digits(length)}.`;
const retryIn = (seconds: number) => `Vuelve a intentarlo ${within(L, seconds)}`;
const signInAgain = 'El inicio de sesión ha caducado. Vuelve a empezar.';
const wrongCode = 'El código no es correcto. Revísalo y vuelve a intentarlo.';
const sessionEnded = 'Tu sesión ha terminado. Vuelve a iniciar sesión.';
const emailExample = 'Introduce una dirección de correo como nombre@example.com.';

/** Spanish (tú, as Spanish sign-in screens address the reader). */
export const es: OtpMessages = {
  emailHeading: 'Iniciar sesión',
  emailLabel: 'Correo electrónico de trabajo',
  emailSubmit: 'Continuar',
  emailMissing: 'Introduce tu dirección de correo electrónico.',
  emailInvalid: emailExample,
  signInTo: (organization) => `Iniciar sesión en ${organization}`,

  emailCodeHeading: 'Revisa tu correo',
  smsCodeHeading: 'Revisa tu teléfono',
  codeSentTo: (to) => `Hemos enviado un código a ${to}.`,
  codeLabel: 'Código de verificación',
  codeHint,
  codeSubmit: 'Verificar',
  codeIncomplete: (length, entered) =>
    entered
      ? `El código tiene ${digits(length)} y has introducido ${count(L, entered)}.`
      : codeHint(length),
  expiresIn: (minutes) => `El código caduca en ${units(L, minutes, 'minute')}.`,
  codeExpired: 'El código ha caducado. Solicita uno nuevo.',
  resend: 'Enviar un código nuevo',
  resendIn: (seconds) => `Disponible en ${units(L, seconds, 'second', 'short')}`,
  resendAvailable: 'Ya puedes solicitar un código nuevo.',
  codeResent: (to, time) =>
    `Hemos enviado un código nuevo a ${to} ${oneOClock(time) ? 'a la' : 'a las'} ${time}.`,
  resendWait: (seconds) => `Podrás solicitar un código nuevo ${within(L, seconds)}.`,
  sendLimited: (seconds) =>
    `Demasiados códigos solicitados. Podrás pedir uno nuevo ${within(L, seconds)}.`,
  codeNotNewest: 'El código no es correcto. Solo sirve el más reciente: usa el último mensaje.',
  changeEmail: 'Usar otro correo',
  edit: 'Cambiar',
  changeNumber: 'Cambiar número',
  cancel: 'Cancelar',
  cancelled: 'Verificación cancelada.',
  sending: 'Enviando…',
  verifying: 'Verificando…',

  retryIn,
  retryAvailable: 'Ya puedes volver a intentarlo.',
  lockedOut: (seconds) => `Demasiados intentos. ${retryIn(seconds)}.`,
  lockedUntil: (time) =>
    `Demasiados intentos. Vuelve a intentarlo ${oneOClock(time) ? 'a la' : 'a las'} ${time}.`,

  phoneHeading: 'Añade un número de teléfono',
  phoneIntro: 'Te enviaremos un código por SMS a este número para confirmar que eres tú.',
  countryLabel: 'Prefijo del país',
  phoneLabel: 'Número de móvil',
  phoneHint: 'Sin el prefijo del país.',
  phoneSubmit: 'Enviar código',
  phoneMissing: 'Introduce tu número de móvil.',
  phoneInvalid:
    'Introduce un número de móvil válido: elige el prefijo del país y escribe el número.',
  stepUpHeading: 'Confirma que eres tú',
  smsWillSend: (to) => `Te enviaremos un código por SMS al ${to}.`,
  mfaReason: 'Tu organización requiere un segundo paso de verificación.',
  stepUpReason: 'Esta acción requiere un segundo paso de verificación.',

  organizationsHeading: 'Elige una organización',
  organizationsFor: (email) => `Organizaciones de ${email}`,
  organizationOption: (organization, membership) => `${organization} — ${membership}`,
  membershipMember: 'miembro',
  membershipInvited: 'invitación',
  membershipJoinable: 'puedes unirte',
  noOrganizations: (email) => `No se ha encontrado ninguna organización para ${email}.`,
  createOrganization: 'Crear una organización',
  organizationNameLabel: 'Nombre de la organización',
  organizationNameMissing: 'Introduce un nombre para la organización.',
  organizationSlugLabel: 'Nombre corto (para los enlaces)',
  organizationSlugHint: 'De 2 a 128 letras, dígitos o - . _ ~',
  organizationSlugInvalid: 'Usa de 2 a 128 letras, dígitos o - . _ ~ (sin espacios).',
  createSubmit: 'Crear e iniciar sesión',
  backToOrganizations: 'Volver a las organizaciones',
  discoveryExpired:
    'El inicio de sesión ha caducado. Continúa con tu correo para recibir un código nuevo.',

  signedIn: 'Has iniciado sesión.',
  mfaRequired: 'Falta un paso más para iniciar sesión.',
  stepUpComplete: 'Verificación completada.',
  startAgain: 'Empezar de nuevo',
  busy: 'Espera un momento…',

  errors: {
    default: 'Algo ha fallado. Vuelve a intentarlo.',
    network_error:
      'No hemos podido conectar con el servidor. Comprueba tu conexión y vuelve a intentarlo.',
    timeout: 'El servidor ha tardado demasiado en responder. Vuelve a intentarlo.',
    otp_code_not_found: wrongCode,
    invalid_code: wrongCode,
    unable_to_auth_otp_code: 'Este código ha caducado o ya se ha usado. Solicita uno nuevo.',
    too_many_requests: 'Demasiados intentos. Espera un poco y vuelve a intentarlo.',
    intermediate_session_not_found: signInAgain,
    invalid_email: emailExample,
    email_jit_provisioning_not_allowed:
      'Esta dirección de correo no puede iniciar sesión en esta organización.',
    invalid_phone_number: 'Este número de teléfono no es válido. Revísalo y vuelve a intentarlo.',
    duplicate_member_phone_number: 'Este número de teléfono ya está en uso. Usa otro.',
    no_session_arguments: signInAgain,
    session_not_found: sessionEnded,
    unauthorized_credentials: sessionEnded,
    organization_slug_already_used: 'Este nombre corto ya está en uso. Elige otro.',
    organization_creation_not_allowed: 'Aquí no se pueden crear organizaciones nuevas.',
    invalid_email_for_jit_provisioning:
      'Todavía no puedes unirte a esta organización con este correo. Pide una invitación.',
  },
};
