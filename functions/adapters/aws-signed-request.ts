import { createHash, createHmac } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';

// One signed HTTPS POST to an AWS service API, for the two calls we make outside
// DynamoDB (SNS Publish, Secrets Manager GetSecretValue). Their SDK clients each
// added 24-45 KB of protocol code to a bundle for one operation; this reuses the
// SigV4 signer and credential chain the DynamoDB client already bundles (in Lambda
// the chain is the environment's role credentials, lib/bundling.ts).

export interface AwsRequest {
  /** Signing name and endpoint prefix, e.g. "sns", "secretsmanager". */
  service: string;
  region: string;
  headers: Record<string, string>;
  body: string;
  /** Tests point this at a local server; otherwise https://<service>.<region>.amazonaws.com. */
  endpoint?: string;
}

export interface AwsResponse {
  status: number;
  text: string;
}

export type AwsTransport = (request: AwsRequest) => Promise<AwsResponse>;

type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data): Buffer => (typeof d === 'string' ? Buffer.from(d, 'utf8') : ArrayBuffer.isView(d) ? Buffer.from(d.buffer, d.byteOffset, d.byteLength) : Buffer.from(d));

/** The hash the signer asks for, on node:crypto. */
export class Sha256 {
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(private readonly secret?: Data) {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
  update(data: Data): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

const credentials = defaultProvider();
const signers = new Map<string, SignatureV4>();

function signer(service: string, region: string): SignatureV4 {
  const key = `${service} ${region}`;
  let s = signers.get(key);
  if (!s) {
    s = new SignatureV4({ service, region, credentials, sha256: Sha256, applyChecksum: true });
    signers.set(key, s);
  }
  return s;
}

const TIMEOUT_MS = 5_000;

/** Signs and sends; retries once after a network error, a throttle or a 5xx (the SDK clients did the same). */
export const signedRequest: AwsTransport = async (r) => {
  const url = new URL(r.endpoint ?? `https://${r.service}.${r.region}.amazonaws.com/`);
  let last: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    const signed = await signer(r.service, r.region).sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query: {},
      headers: { ...r.headers, host: url.host },
      body: r.body,
    });
    try {
      const res = await fetch(url, { method: 'POST', headers: signed.headers, body: r.body, signal: AbortSignal.timeout(TIMEOUT_MS) });
      const text = await res.text();
      if (res.status < 500 && res.status !== 429) return { status: res.status, text };
      last = new Error(`${r.service} answered ${res.status}`);
    } catch (err) {
      last = err;
    }
  }
  throw last;
};
