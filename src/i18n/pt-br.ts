import type { OtpMessages } from './messages.js';
import { count, oneOClock, plural, units, within } from './format.js';

const L = 'pt-BR';
const digits = (n: number) => `${count(L, n)} ${plural(L, n, { one: 'dígito', other: 'dígitos' })}`;
const codeHint = (length: number) => `Digite o código de ${digits(length)}.`;
const retryIn = (seconds: number) => `Tente novamente ${within(L, seconds)}`;
const startOver = 'Seu login expirou. Comece de novo.';
const wrongCode = 'Código incorreto. Confira e tente novamente.';
const sessionEnded = 'Sua sessão terminou. Faça login novamente.';
const emailExample = 'Digite um endereço de e-mail como nome@example.com.';

/** Brazilian Portuguese (você). */
export const ptBR: OtpMessages = {
  emailHeading: 'Fazer login',
  emailLabel: 'E-mail corporativo',
  emailSubmit: 'Continuar',
  emailMissing: 'Digite seu endereço de e-mail.',
  emailInvalid: emailExample,
  signInTo: (organization) => `Fazer login em ${organization}`,

  emailCodeHeading: 'Verifique seu e-mail',
  smsCodeHeading: 'Verifique seu celular',
  codeSentTo: (to) => `Enviamos um código para ${to}.`,
  codeLabel: 'Código de verificação',
  codeHint,
  codeSubmit: 'Verificar',
  codeIncomplete: (length, entered) =>
    entered
      ? `O código tem ${digits(length)}, e você digitou ${count(L, entered)}.`
      : codeHint(length),
  expiresIn: (minutes) => `O código expira em ${units(L, minutes, 'minute')}.`,
  codeExpired: 'O código expirou. Solicite um novo.',
  resend: 'Enviar novo código',
  resendIn: (seconds) => `Disponível em ${units(L, seconds, 'second', 'short')}`,
  resendAvailable: 'Você já pode solicitar um novo código.',
  codeResent: (to, time) =>
    `Enviamos um novo código para ${to} ${oneOClock(time) ? 'à' : 'às'} ${time}.`,
  resendWait: (seconds) => `Você poderá solicitar um novo código ${within(L, seconds)}.`,
  sendLimited: (seconds) =>
    `Muitos códigos solicitados. Você poderá pedir um novo ${within(L, seconds)}.`,
  codeNotNewest: 'Código incorreto. Só o código mais recente funciona: use a última mensagem.',
  changeEmail: 'Usar outro e-mail',
  edit: 'Alterar',
  changeNumber: 'Alterar número',
  cancel: 'Cancelar',
  cancelled: 'Verificação cancelada.',
  sending: 'Enviando…',
  verifying: 'Verificando…',

  retryIn,
  retryAvailable: 'Você já pode tentar novamente.',
  lockedOut: (seconds) => `Muitas tentativas. ${retryIn(seconds)}.`,
  lockedUntil: (time) =>
    `Muitas tentativas. Tente novamente ${oneOClock(time) ? 'à' : 'às'} ${time}.`,

  phoneHeading: 'Adicione um número de celular',
  phoneIntro: 'Vamos enviar um código por SMS para este número para confirmar que é você.',
  countryLabel: 'Código do país',
  phoneLabel: 'Número de celular',
  phoneHint: 'Sem o código do país.',
  phoneSubmit: 'Enviar código',
  phoneMissing: 'Digite seu número de celular.',
  phoneInvalid: 'Digite um número de celular válido: escolha o código do país e depois o número.',
  stepUpHeading: 'Confirme que é você',
  smsWillSend: (to) => `Vamos enviar um código por SMS para ${to}.`,
  mfaReason: 'Sua organização exige uma segunda etapa de verificação.',
  stepUpReason: 'Esta ação exige uma segunda etapa de verificação.',

  organizationsHeading: 'Escolha uma organização',
  organizationsFor: (email) => `Organizações de ${email}`,
  organizationOption: (organization, membership) => `${organization} — ${membership}`,
  membershipMember: 'membro',
  membershipInvited: 'convite pendente',
  membershipJoinable: 'você pode entrar',
  noOrganizations: (email) => `Nenhuma organização encontrada para ${email}.`,
  createOrganization: 'Criar uma organização',
  organizationNameLabel: 'Nome da organização',
  organizationNameMissing: 'Digite um nome para a organização.',
  organizationSlugLabel: 'Nome curto (usado nos links)',
  organizationSlugHint: `De ${count(L, 2)} a ${count(L, 128)} letras, números ou - . _ ~`,
  organizationSlugInvalid: `Use de ${count(L, 2)} a ${count(L, 128)} letras, números ou - . _ ~ (sem espaços).`,
  createSubmit: 'Criar e entrar',
  backToOrganizations: 'Voltar para as organizações',
  discoveryExpired: 'Seu login expirou. Continue com seu e-mail para receber um novo código.',

  signedIn: 'Login concluído.',
  mfaRequired: 'Falta só mais uma etapa para entrar.',
  stepUpComplete: 'Verificação concluída.',
  startAgain: 'Começar de novo',
  busy: 'Aguarde…',

  errors: {
    default: 'Algo deu errado. Tente novamente.',
    network_error:
      'Não foi possível conectar ao servidor. Verifique sua conexão e tente novamente.',
    timeout: 'O servidor demorou demais para responder. Tente novamente.',
    otp_code_not_found: wrongCode,
    invalid_code: wrongCode,
    unable_to_auth_otp_code: 'Este código expirou ou já foi usado. Solicite um novo.',
    too_many_requests: 'Muitas tentativas. Aguarde um pouco e tente novamente.',
    intermediate_session_not_found: startOver,
    invalid_email: emailExample,
    email_jit_provisioning_not_allowed:
      'Este endereço de e-mail não pode entrar nesta organização.',
    invalid_phone_number: 'Este número de telefone não é válido. Confira e tente novamente.',
    duplicate_member_phone_number: 'Este número de telefone já está em uso. Use outro número.',
    no_session_arguments: startOver,
    session_not_found: sessionEnded,
    unauthorized_credentials: sessionEnded,
    organization_slug_already_used: 'Este nome curto já está em uso. Escolha outro.',
    organization_creation_not_allowed: 'Não é possível criar novas organizações aqui.',
    invalid_email_for_jit_provisioning:
      'Você ainda não pode entrar nesta organização com este e-mail. Peça um convite ao administrador.',
  },
};
