import type { OtpMessages } from './messages.js';
import { count, units, within } from './format.js';

const L = 'zh-Hans';
const codeHint = (length: number) => `请输入${count(L, length)}位验证码。`;
const retryIn = (seconds: number) => `请在${within(L, seconds)}重试`;
const startOver = '登录已过期，请重新开始。';
const wrongCode = '验证码不正确，请检查后重试。';
const sessionEnded = '您的会话已结束，请重新登录。';
const emailExample = '请输入有效的邮箱地址，例如 name@example.com。';
const slugRule = `${count(L, 2)}–${count(L, 128)} 个字母、数字或 - . _ ~`;

/** Simplified Chinese (您). */
export const zhHans: OtpMessages = {
  emailHeading: '登录',
  emailLabel: '工作邮箱',
  emailSubmit: '继续',
  emailMissing: '请输入您的邮箱地址。',
  emailInvalid: emailExample,
  signInTo: (organization) => `登录 ${organization}`,

  emailCodeHeading: '查看您的邮箱',
  smsCodeHeading: '查看您的短信',
  codeSentTo: (to) => `我们已向 ${to} 发送验证码。`,
  codeLabel: '验证码',
  codeHint,
  codeSubmit: '验证',
  codeIncomplete: (length, entered) =>
    entered ? `验证码为${count(L, length)}位，您输入了${count(L, entered)}位。` : codeHint(length),
  expiresIn: (minutes) => `验证码将在${units(L, minutes, 'minute')}后过期。`,
  codeExpired: '验证码已过期，请重新获取。',
  resend: '重新发送验证码',
  resendIn: (seconds) => `${units(L, seconds, 'second', 'short')}后可用`,
  resendAvailable: '现在可以重新获取验证码了。',
  codeResent: (to, time) => `已于 ${time} 向 ${to} 发送新的验证码。`,
  resendWait: (seconds) => `${within(L, seconds)}可重新获取验证码。`,
  sendLimited: (seconds) => `请求的验证码过多。${within(L, seconds)}可再次获取新的验证码。`,
  codeNotNewest: '验证码不正确。只有最新的验证码有效，请使用最近收到的那条消息。',
  changeEmail: '使用其他邮箱',
  edit: '修改',
  changeNumber: '更换号码',
  cancel: '取消',
  cancelled: '已取消验证。',
  sending: '正在发送…',
  verifying: '正在验证…',

  retryIn,
  retryAvailable: '现在可以重试了。',
  lockedOut: (seconds) => `尝试次数过多。${retryIn(seconds)}。`,
  lockedUntil: (time) => `尝试次数过多。请在 ${time} 之后重试。`,

  phoneHeading: '添加手机号码',
  phoneIntro: '我们将向此号码发送短信验证码，以确认是您本人。',
  countryLabel: '国家/地区代码',
  phoneLabel: '手机号码',
  phoneHint: '不含国家/地区代码。',
  phoneSubmit: '发送验证码',
  phoneMissing: '请输入您的手机号码。',
  phoneInvalid: '请输入有效的手机号码：先选择国家/地区代码，再输入号码。',
  stepUpHeading: '确认是您本人',
  smsWillSend: (to) => `我们将向 ${to} 发送短信验证码。`,
  mfaReason: '您的组织要求进行第二步验证。',
  stepUpReason: '此操作需要进行第二步验证。',

  organizationsHeading: '选择组织',
  organizationsFor: (email) => `${email} 所属的组织`,
  organizationOption: (organization, membership) => `${organization}（${membership}）`,
  membershipMember: '成员',
  membershipInvited: '已受邀',
  membershipJoinable: '可加入',
  noOrganizations: (email) => `未找到 ${email} 所属的组织。`,
  createOrganization: '创建组织',
  organizationNameLabel: '组织名称',
  organizationNameMissing: '请输入组织名称。',
  organizationSlugLabel: '简称（用于链接）',
  organizationSlugHint: slugRule,
  organizationSlugInvalid: `请使用 ${slugRule}（不含空格）。`,
  createSubmit: '创建并登录',
  backToOrganizations: '返回组织列表',
  discoveryExpired: '登录已过期。请使用您的邮箱继续，以获取新的验证码。',

  signedIn: '您已登录。',
  mfaRequired: '还需一步即可登录。',
  stepUpComplete: '验证成功。',
  startAgain: '重新开始',
  busy: '请稍候…',

  errors: {
    default: '出了点问题，请重试。',
    network_error: '无法连接到服务器。请检查网络连接后重试。',
    timeout: '服务器响应超时，请重试。',
    otp_code_not_found: wrongCode,
    invalid_code: wrongCode,
    unable_to_auth_otp_code: '此验证码已过期或已被使用，请重新获取。',
    too_many_requests: '尝试次数过多，请稍后再试。',
    intermediate_session_not_found: startOver,
    invalid_email: emailExample,
    email_jit_provisioning_not_allowed: '此邮箱地址无法登录该组织。',
    invalid_phone_number: '此手机号码无效，请检查后重试。',
    duplicate_member_phone_number: '此手机号码已被使用，请换一个号码。',
    no_session_arguments: startOver,
    session_not_found: sessionEnded,
    unauthorized_credentials: sessionEnded,
    organization_slug_already_used: '该简称已被占用，请另选一个。',
    organization_creation_not_allowed: '此处无法创建新组织。',
    invalid_email_for_jit_provisioning: '您暂时无法使用此邮箱加入该组织。请向其管理员申请邀请。',
  },
};
