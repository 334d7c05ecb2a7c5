import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

// The local provider's signing key (RS256, what Cognito signs with) and cookie keys,
// kept in DIR/oidc-keys.json (mode 600) so tokens and sessions survive a restart,
// or generated for this run only (--in-memory).

export interface ProviderKeys {
  jwks: { keys: JWK[] };
  cookieKeys: string[];
}

async function freshKeys(): Promise<ProviderKeys> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  return { jwks: { keys: [{ ...jwk, alg: 'RS256', use: 'sig', kid: randomBytes(8).toString('base64url') }] }, cookieKeys: [randomBytes(32).toString('base64url')] };
}

export async function loadOrCreateProviderKeys(path: string | undefined): Promise<ProviderKeys> {
  if (!path) return freshKeys();
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as ProviderKeys;
  const keys = await freshKeys();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}
