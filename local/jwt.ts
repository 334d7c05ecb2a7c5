import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { keyIssuer, MAX_TOKEN_LIFETIME_SECONDS, tokenVerifier } from './token-verifier.js';

// Tokens for scripts and tests (`npm run token`): RS256, Cognito-shaped, signed with
// a key pair kept under .data/ (or held in memory only). People sign in through the
// local OpenID provider instead (local/oidc/); the server checks both kinds with the
// same verifier (token-verifier.ts).

export const LOCAL_ISSUER = 'quarantine-desk-local';
export const LOCAL_AUDIENCE = 'quarantine-desk';
export { MAX_TOKEN_LIFETIME_SECONDS };

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

/** Verified claims of a token signed with `publicKey` (see token-verifier.ts for every check). */
export async function verifyToken(publicKey: KeyObject, token: string, now = Date.now()): Promise<Record<string, unknown> | undefined> {
  return tokenVerifier([keyIssuer(LOCAL_ISSUER, LOCAL_AUDIENCE, publicKey)])(token, now);
}
