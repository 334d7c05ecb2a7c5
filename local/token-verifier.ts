import type { KeyObject } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, exportJWK, jwtVerify, type JWTVerifyGetKey } from 'jose';

// How the local server checks a bearer token, the way the HttpApi JWT authorizer
// checks Cognito's: the issuer must be one we trust, its keys come from its JWKS
// (found by OpenID discovery: <issuer>/.well-known/openid-configuration), RS256
// only, exp/nbf/iat against the clock, and `aud` (ID tokens) or `client_id`
// (access tokens) naming our client; plus what Cognito guarantees and the
// handlers rely on: a non-empty `sub`, a `token_use` that fits, and a lifetime of
// at most a day. The local provider's tokens go through discovery exactly like
// Cognito's; `npm run token` tokens have their own issuer and a JWKS built from
// the key in .data/.

/** Cognito issues ID and access tokens for at most one day; a longer-lived token is not one of ours. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

export interface TrustedIssuer {
  issuer: string;
  /** The app client id: an ID token's `aud`, an access token's `client_id`. */
  audience: string;
  keys: () => Promise<JWTVerifyGetKey>;
}

export type TokenVerifier = (token: string, now?: number) => Promise<Record<string, unknown> | undefined>;

/** An issuer whose keys are found by OpenID discovery (cached; retried after a failure). */
export function discoveredIssuer(issuer: string, audience: string): TrustedIssuer {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  return {
    issuer,
    audience,
    keys: () => {
      keys ??= (async () => {
        const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
        if (!res.ok) throw new Error(`discovery ${res.status}`);
        const meta = (await res.json()) as { issuer?: string; jwks_uri?: string };
        if (meta.issuer !== issuer || typeof meta.jwks_uri !== 'string') throw new Error('discovery document does not name this issuer');
        return createRemoteJWKSet(new URL(meta.jwks_uri));
      })().catch((err: unknown) => {
        keys = undefined;
        throw err;
      });
      return keys;
    },
  };
}

/** An issuer whose one public key we hold (`npm run token`, tests). */
export function keyIssuer(issuer: string, audience: string, publicKey: KeyObject): TrustedIssuer {
  const set = exportJWK(publicKey).then((jwk) => createLocalJWKSet({ keys: [{ ...jwk, alg: 'RS256' }] }));
  return { issuer, audience, keys: () => set };
}

export function tokenVerifier(trusted: readonly TrustedIssuer[]): TokenVerifier {
  return async (token, now = Date.now()) => {
    try {
      const iss = decodeJwt(token).iss;
      const t = trusted.find((x) => x.issuer === iss);
      if (!t) return undefined;
      const { payload } = await jwtVerify(token, await t.keys(), {
        algorithms: ['RS256'],
        issuer: t.issuer,
        currentDate: new Date(now),
        maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
        requiredClaims: ['sub', 'exp', 'iat', 'token_use'],
      });
      const { sub, exp, iat, aud, token_use: use } = payload as Record<string, unknown>;
      if (typeof sub !== 'string' || sub.trim() === '') return undefined;
      if (typeof exp !== 'number' || typeof iat !== 'number' || exp - iat > MAX_TOKEN_LIFETIME_SECONDS) return undefined;
      if (use === 'id') {
        if (!(Array.isArray(aud) ? aud.includes(t.audience) : aud === t.audience)) return undefined;
      } else if (use === 'access') {
        if (aud !== undefined || payload.client_id !== t.audience) return undefined;
      } else {
        return undefined;
      }
      return payload as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };
}
