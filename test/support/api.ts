import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { newKeyPair, signToken, type KeyPair } from '../../local/jwt.js';
import { createLocalServer } from '../../local/server.js';
import { contractViolation, warmContract } from './contract.js';

// The real local server (same route table, same handlers) on a random port, with a
// throwaway signing key. Tests talk HTTP to it like the web form and curl do.

export interface TestApi {
  url: string;
  keys: KeyPair;
  token(role: 'staff' | 'admin', facilities?: string[], ttlSeconds?: number): string;
  call(method: string, path: string, opts?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers; text: string }>;
  close(): Promise<void>;
}

export async function startApi(): Promise<TestApi> {
  warmContract();
  const keys = newKeyPair();
  const server = createLocalServer({ publicKey: keys.publicKey });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    keys,
    token: (role, facilities = [], ttlSeconds = 3600) => signToken(keys.privateKey, { sub: `${role}-${randomUUID().slice(0, 8)}`, role, facilities }, ttlSeconds),
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | undefined = opts.rawBody;
      if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(url + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      // Every answer the suite receives must keep the OpenAPI contract (functions/openapi.ts).
      const violation = contractViolation({ method, path, status: res.status, contentType: res.headers.get('content-type') ?? '', body: parsed, text });
      if (violation) throw new Error(`API contract: ${violation}`);
      return { status: res.status, body: parsed, headers: res.headers, text };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A fresh facility id, so test files never see each other's data. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
