import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { CONTENT_SECURITY_POLICY } from '../../functions/web/static-assets.js';
import { accountStore, passwordProblems, type AccountStore, type StoredAccount } from '../../functions/adapters/accounts-file.js';
import type { ProviderKeys } from './keys.js';
import { loginLimiter, type LoginLimiter } from './login-limit.js';
import { providerState } from './state-adapter.js';
import { changePasswordPage, errorPage, loginPage, logoutPage, pickLang, type Lang, type MessageCode } from './pages.js';

// A real OpenID provider for `npm start` (the certified `oidc-provider` package),
// mounted under /oidc of the local server: authorization code with PKCE only, no
// implicit grant, refresh tokens rotated at every use, a revocation endpoint and
// RP-initiated logout. Its ID tokens carry the claims Cognito's do and the API
// reads (token_use, cognito:username, custom:role, custom:facilities,
// cognito:groups), so the page and the API run the cloud's code path locally.

export const OIDC_PREFIX = '/oidc';
export const WEB_CLIENT_ID = 'quarantine-desk-web';

export interface LocalProviderOptions {
  /** Where the page is served, e.g. http://localhost:3000 (issuer: <base>/oidc). */
  baseUrl: string;
  keys: ProviderKeys;
  /** ACCOUNTS_FILE; undefined keeps accounts in memory. */
  accountsFile?: string;
  /** ID token lifetime (Cognito's default: one hour). */
  idTokenSeconds?: number;
  /** DIR/oidc-state.json; undefined keeps sessions and tokens in memory. */
  stateFile?: string;
  /** Failed sign-ins per username and per client (default: ./login-limit.ts LOGIN_LIMIT). */
  loginLimit?: LoginLimiter;
}

export interface LocalProvider {
  issuer: string;
  clientId: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Writes the sessions and tokens now (at shutdown). */
  flush(): void;
}

export function claimsOf(a: StoredAccount): Record<string, unknown> {
  return {
    sub: a.subject,
    token_use: 'id',
    'cognito:username': a.username,
    'custom:role': a.role,
    'custom:facilities': a.facilities.join(','),
    ...(a.role === 'admin' ? { 'cognito:groups': ['admin'] } : {}),
    ...(a.name ? { name: a.name } : {}),
  };
}

/** Accounts waiting to choose their own password, by interaction uid. */
const pendingChange = new Map<string, { username: string; oneTime: string; until: number }>();

/**
 * oidc-provider is loaded when a provider is made, never for `npm start --help` or an
 * option error. Its import-time "Unsupported runtime" line is dropped: it asks for Node
 * 22 LTS, but it runs only on the desk PC, on Node >= 20 as the project's engines say,
 * where its tests pass. Any other warning still prints.
 */
async function importOidcProvider() {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING: Unsupported runtime')) return;
    warn(...args);
  };
  try {
    return await import('oidc-provider');
  } finally {
    console.warn = warn;
  }
}

export async function createLocalProvider(o: LocalProviderOptions): Promise<LocalProvider> {
  const { default: Provider } = await importOidcProvider();
  const base = o.baseUrl.replace(/\/$/, '');
  const issuer = `${base}${OIDC_PREFIX}`;
  const store: AccountStore = accountStore(o.accountsFile);
  const idTtl = o.idTokenSeconds ?? 3600;
  const langOf = (ctx: KoaContextWithOIDC): Lang => pickLang(ctx.oidc?.params?.ui_locales, ctx.get('accept-language'));

  const state = providerState(o.stateFile);
  const limiter = o.loginLimit ?? loginLimiter();
  const configuration: Configuration = {
    adapter: state.adapter,
    clients: [
      {
        client_id: WEB_CLIENT_ID,
        client_name: 'quarantine-desk',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${base}/`],
        post_logout_redirect_uris: [`${base}/`],
      },
    ],
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: ['openid', 'profile'],
    claims: {
      openid: ['sub', 'token_use', 'cognito:username', 'custom:role', 'custom:facilities', 'cognito:groups'],
      profile: ['name'],
    },
    // The ID token carries the claims (as Cognito's does), not only the userinfo endpoint.
    conformIdTokenClaims: false,
    jwks: o.keys.jwks as Configuration['jwks'],
    cookies: { keys: o.keys.cookieKeys, long: { signed: true }, short: { signed: true } },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(langOf(ctx), form);
        },
      },
    },
    ttl: {
      IdToken: idTtl,
      AccessToken: idTtl,
      AuthorizationCode: 120,
      Interaction: 15 * 60,
      // Cognito's default refresh token lifetime; each use rotates it (the old one stops working).
      RefreshToken: 30 * 24 * 3600,
      Session: 12 * 3600,
      Grant: 30 * 24 * 3600,
    },
    // Like Cognito's code grant: a refresh token always, not tied to the provider's browser session.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    expiresWithSession: async () => false,
    rotateRefreshToken: () => true,
    clientBasedCORS: (_ctx, origin) => origin === base,
    interactions: { url: async (_ctx, interaction) => `${OIDC_PREFIX}/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub, token) => {
      const a = store.bySubject(sub);
      if (!a || !a.enabled) return undefined;
      // Disabled or reset since this refresh token was issued: it no longer works (Cognito's global sign-out).
      if (token && a.revokedBefore && typeof token.iat === 'number' && token.iat * 1000 <= Date.parse(a.revokedBefore)) return undefined;
      return { accountId: sub, claims: async () => claimsOf(a) as { sub: string } };
    },
    renderError: async (ctx) => {
      ctx.type = 'html';
      ctx.body = errorPage(langOf(ctx), `${base}/`);
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.proxy = false;
  const callback = provider.callback();

  async function finishLogin(req: IncomingMessage, res: ServerResponse, a: StoredAccount): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: a.subject, clientId: String(details.params.client_id) });
    if (!grant) throw new Error('grant vanished');
    // First-party client: the scopes it asks for are granted without a consent screen.
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId: a.subject }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    const lang = pickLang(details.params.ui_locales, req.headers['accept-language']);
    const html = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
      res.end(body);
    };
    if (req.method === 'GET' && !action) {
      // Signed in already (a provider session) and only the grant is missing: no page at all.
      if (details.prompt.name === 'consent' && details.session?.accountId) {
        const a = store.bySubject(details.session.accountId);
        if (a?.enabled) return finishLogin(req, res, a);
      }
      return html(200, loginPage(lang, uid));
    }
    if (req.method !== 'POST') return html(405, errorPage(lang, '/'));
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    if (action === 'login') {
      const username = (form.get('username') ?? '').trim();
      const password = form.get('password') ?? '';
      if (!username || !password) return html(400, loginPage(lang, uid, { username, problems: ['missing'] }));
      // Refused before the password is checked: a paused username or client learns nothing more.
      const client = req.socket.remoteAddress ?? '';
      const waitMs = limiter.retryAfterMs(username, client);
      if (waitMs > 0) return html(429, loginPage(lang, uid, { username, problems: ['tooMany'], vars: { minutes: Math.ceil(waitMs / 60_000) } }));
      const a = await store.authenticate(username, password);
      if (!a) {
        limiter.failed(username, client);
        return html(401, loginPage(lang, uid, { username, problems: ['invalid'] }));
      }
      limiter.succeeded(username);
      if (a.mustChangePassword) {
        pendingChange.set(uid, { username: a.username, oneTime: password, until: Date.now() + 15 * 60_000 });
        return html(200, changePasswordPage(lang, uid));
      }
      return finishLogin(req, res, a);
    }
    if (action === 'password') {
      const pending = pendingChange.get(uid);
      if (!pending || pending.until < Date.now()) return html(400, loginPage(lang, uid, { problems: ['expired'] }));
      const next = form.get('newPassword') ?? '';
      const problems: MessageCode[] = passwordProblems(next) as MessageCode[];
      if (next !== (form.get('confirm') ?? '')) problems.push('mismatch');
      if (next === pending.oneTime) problems.push('sameAsOld');
      if (problems.length) return html(400, changePasswordPage(lang, uid, problems));
      const a = await store.changePassword(pending.username, next);
      pendingChange.delete(uid);
      return finishLogin(req, res, a);
    }
    return html(404, errorPage(lang, '/'));
  }

  return {
    issuer,
    clientId: WEB_CLIENT_ID,
    flush: state.flush,
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const m = /^\/oidc\/interaction\/([A-Za-z0-9_-]{1,64})(?:\/(login|password))?$/.exec(url.pathname);
      if (m) {
        try {
          return await interaction(req, res, m[1] as string, m[2]);
        } catch (err) {
          if (process.env.QD_OIDC_DEBUG) console.error('interaction failed', err);
          const lang = pickLang(undefined, req.headers['accept-language']);
          res.writeHead(400, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY });
          res.end(errorPage(lang, `${base}/`));
          return;
        }
      }
      // The provider routes relative to its mount point, like under express' app.use('/oidc', ...).
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
      req.url = (req.url ?? '/').slice(OIDC_PREFIX.length) || '/';
      callback(req, res);
    },
  };
}

function readBody(req: IncomingMessage, limit = 16 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
