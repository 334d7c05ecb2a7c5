import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// Local stand-in for Cognito: RS256 tokens signed with a key pair kept under .data/,
// verified by the local server the way the HttpApi JWT authorizer verifies Cognito's.

export const LOCAL_ISSUER = 'quarantine-desk-local';
export const LOCAL_AUDIENCE = 'quarantine-desk';

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

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');

export interface TokenClaims {
  sub: string;
  role: 'staff' | 'admin';
  facilities: string[];
}

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

/** Verified claims, or undefined for a malformed, forged, expired or foreign token. */
export function verifyToken(key: KeyObject, token: string, now = Date.now()): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [head, body, signature] = parts as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
    if (header.alg !== 'RS256') return undefined;
    if (!verify('sha256', Buffer.from(`${head}.${body}`), key, Buffer.from(signature, 'base64url'))) return undefined;
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    if (claims.iss !== LOCAL_ISSUER || claims.aud !== LOCAL_AUDIENCE) return undefined;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}
