import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { jwtVerify } from 'jose';

// Local stand-in for Cognito: RS256 tokens signed with a key pair kept under .data/
// (or held in memory only), verified by the local server with `jose` as strictly as
// the HttpApi JWT authorizer verifies Cognito's.

export const LOCAL_ISSUER = 'quarantine-desk-local';
export const LOCAL_AUDIENCE = 'quarantine-desk';
/** Cognito issues ID and access tokens for at most one day; a longer-lived token is not one of ours. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newKeyPair(): KeyPair {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/** The key pair stored at `path`, created on first use. */
export function loadOrCreateKeyPair(path: string): KeyPair {
  if (existsSync(path)) {
    const pem = readFileSync(path, 'utf8');
    const privateKey = createPrivateKey(pem);
    return { privateKey, publicKey: createPublicKey(privateKey) };
  }
  const pair = newKeyPair();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return pair;
}

export interface TokenClaims {
  sub: string;
  role: 'staff' | 'admin';
  facilities: string[];
}

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');

/**
 * A Cognito-shaped ID token. Minting stays synchronous (node:crypto RS256) because
 * tests and benchmarks mint tokens inline everywhere; every check of a token is jose's.
 */
export function signToken(key: KeyObject, claims: TokenClaims, ttlSeconds = 12 * 3600, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const payload = {
    sub: claims.sub,
    iss: LOCAL_ISSUER,
    aud: LOCAL_AUDIENCE,
    iat,
    exp: iat + ttlSeconds,
    token_use: 'id',
    'custom:role': claims.role,
    'custom:facilities': claims.facilities.join(','),
    ...(claims.role === 'admin' ? { 'cognito:groups': ['admin'] } : {}),
  };
  const head = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${head}.${sign('sha256', Buffer.from(head), key).toString('base64url')}`;
}

/**
 * Verified claims, or undefined for a malformed, forged, expired, not-yet-valid,
 * foreign or over-long token. Like the HttpApi JWT authorizer: RS256 only, exp, nbf
 * and iat against the clock, our issuer, and `aud` (ID tokens) or, when there is no
 * `aud`, `client_id` (Cognito access tokens) naming our client; plus what Cognito
 * guarantees and the handlers rely on: a non-empty `sub`, a `token_use` that fits
 * the audience claim, and a lifetime of at most a day.
 */
export async function verifyToken(key: KeyObject, token: string, now = Date.now()): Promise<Record<string, unknown> | undefined> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['RS256'],
      issuer: LOCAL_ISSUER,
      currentDate: new Date(now),
      maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
      requiredClaims: ['sub', 'exp', 'iat', 'token_use'],
    });
    const { sub, exp, iat, aud, token_use: use } = payload as Record<string, unknown>;
    if (typeof sub !== 'string' || sub.trim() === '') return undefined;
    if (typeof exp !== 'number' || typeof iat !== 'number' || exp - iat > MAX_TOKEN_LIFETIME_SECONDS) return undefined;
    if (use === 'id') {
      if (!(Array.isArray(aud) ? aud.includes(LOCAL_AUDIENCE) : aud === LOCAL_AUDIENCE)) return undefined;
    } else if (use === 'access') {
      if (aud !== undefined || payload.client_id !== LOCAL_AUDIENCE) return undefined;
    } else {
      return undefined;
    }
    return payload as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
