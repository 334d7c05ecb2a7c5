// The local provider's own pages (sign-in, first-sign-in password change, sign-out,
// errors) in the user's language, zh first and en, from message codes. Plain HTML
// forms under the same strict CSP as the staff page: no inline script or style.

export type Lang = 'zh' | 'en';

const M = {
  zh: {
    title: '登录 · 隔离点工作台',
    heading: '工作人员登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    invalid: '用户名或密码不正确，或账号已停用。',
    missing: '请填写用户名和密码。',
    changeHeading: '设置新密码',
    changeHint: '这是您第一次登录（或管理员重置了密码）。请设置只有您知道的新密码。',
    newPassword: '新密码',
    confirm: '再次输入新密码',
    changeSubmit: '保存新密码并登录',
    mismatch: '两次输入的新密码不一致。',
    sameAsOld: '新密码不能与一次性密码相同。',
    password_too_short: '至少 12 个字符。',
    password_needs_lowercase: '需要包含小写字母。',
    password_needs_uppercase: '需要包含大写字母。',
    password_needs_digit: '需要包含数字。',
    password_needs_symbol: '需要包含符号（如 # % + = ? @）。',
    rules: '至少 12 个字符，包含大写字母、小写字母、数字和符号。',
    signoutHeading: '正在退出登录…',
    signoutSubmit: '退出登录',
    errorHeading: '无法完成登录',
    errorText: '登录请求已过期或无效。请回到工作台重新登录。',
    back: '回到工作台',
    expired: '登录已超时，请重新开始。',
    tooMany: '登录失败次数过多，已暂停登录。请 {minutes} 分钟后再试，或请管理员重置密码。',
  },
  en: {
    title: 'Sign in · quarantine desk',
    heading: 'Staff sign-in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    invalid: 'Wrong username or password, or the account is disabled.',
    missing: 'Enter your username and password.',
    changeHeading: 'Set a new password',
    changeHint: 'This is your first sign-in (or an administrator reset your password). Choose a new password only you know.',
    newPassword: 'New password',
    confirm: 'New password again',
    changeSubmit: 'Save the new password and sign in',
    mismatch: 'The two new passwords differ.',
    sameAsOld: 'The new password must differ from the one-time password.',
    password_too_short: 'At least 12 characters.',
    password_needs_lowercase: 'Needs a lower-case letter.',
    password_needs_uppercase: 'Needs an upper-case letter.',
    password_needs_digit: 'Needs a digit.',
    password_needs_symbol: 'Needs a symbol (such as # % + = ? @).',
    rules: 'At least 12 characters, with upper- and lower-case letters, a digit and a symbol.',
    signoutHeading: 'Signing out…',
    signoutSubmit: 'Sign out',
    errorHeading: 'Sign-in could not finish',
    errorText: 'The sign-in request expired or is not valid. Go back to the desk and sign in again.',
    back: 'Back to the desk',
    expired: 'The sign-in took too long; start again.',
    tooMany: 'Too many failed sign-ins: sign-in is paused. Try again in {minutes} minutes, or ask an administrator to reset your password.',
  },
} as const;

export type MessageCode = keyof (typeof M)['zh'];

export const msg = (lang: Lang, code: MessageCode, vars: Record<string, string | number> = {}): string =>
  M[lang][code].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));

export function pickLang(uiLocales: unknown, acceptLanguage: string | undefined): Lang {
  const first = (typeof uiLocales === 'string' ? uiLocales : acceptLanguage ?? '').trim().toLowerCase();
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('zh') || first === '') return 'zh';
  return /\bzh\b/.test(first) || !/\ben\b/.test(first) ? 'zh' : 'en';
}

export const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function page(lang: Lang, heading: string, inner: string, script?: string): string {
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-Hans' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(msg(lang, 'title'))}</title>
<link rel="stylesheet" href="/assets/signin.css">
${script ? `<script src="/assets/${script}" defer></script>` : ''}
</head>
<body>
<main class="signin">
<h1>${esc(heading)}</h1>
${inner}
</main>
</body>
</html>`;
}

const errors = (lines: string[]) =>
  lines.length ? `<div class="problem" role="alert" id="problem">${lines.map((l) => `<p>${esc(l)}</p>`).join('')}</div>` : '';

export function loginPage(lang: Lang, uid: string, o: { username?: string; problems?: MessageCode[]; vars?: Record<string, number> } = {}): string {
  const described = o.problems?.length ? ' aria-describedby="problem"' : '';
  return page(
    lang,
    msg(lang, 'heading'),
    `${errors((o.problems ?? []).map((c) => msg(lang, c, o.vars)))}
<form method="post" action="/oidc/interaction/${esc(uid)}/login" autocomplete="on">
<label for="username">${esc(msg(lang, 'username'))}</label>
<input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${esc(o.username ?? '')}"${described}>
<label for="password">${esc(msg(lang, 'password'))}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${described}>
<button type="submit" id="signin-submit">${esc(msg(lang, 'submit'))}</button>
</form>`,
  );
}

export function changePasswordPage(lang: Lang, uid: string, problems: MessageCode[] = []): string {
  return page(
    lang,
    msg(lang, 'changeHeading'),
    `<p class="hint">${esc(msg(lang, 'changeHint'))}</p>
${errors(problems.map((c) => msg(lang, c)))}
<form method="post" action="/oidc/interaction/${esc(uid)}/password">
<label for="new-password">${esc(msg(lang, 'newPassword'))}</label>
<input id="new-password" name="newPassword" type="password" autocomplete="new-password" required aria-describedby="rules">
<p class="hint" id="rules">${esc(msg(lang, 'rules'))}</p>
<label for="confirm-password">${esc(msg(lang, 'confirm'))}</label>
<input id="confirm-password" name="confirm" type="password" autocomplete="new-password" required>
<button type="submit" id="password-submit">${esc(msg(lang, 'changeSubmit'))}</button>
</form>`,
  );
}

/** The provider's sign-out confirmation, submitted at once by a same-origin script (no click needed). */
export function logoutPage(lang: Lang, form: string): string {
  return page(
    lang,
    msg(lang, 'signoutHeading'),
    `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes" id="signout-submit">${esc(msg(lang, 'signoutSubmit'))}</button>`,
    'signout-auto.js',
  );
}

export function errorPage(lang: Lang, home: string): string {
  return page(lang, msg(lang, 'errorHeading'), `<p>${esc(msg(lang, 'errorText'))}</p><p><a href="${esc(home)}">${esc(msg(lang, 'back'))}</a></p>`);
}
