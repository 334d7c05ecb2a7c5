import { config } from '../shared/config.js';
import { parseLabSecrets, type LabSecretSource } from '../ports/lab-secrets.js';
import { signedRequest, type AwsTransport } from './aws-signed-request.js';

// Cloud adapter of the LabSecrets port: one Secrets Manager secret whose string is
// JSON {"<labId>": "<secret>", ...}. Rotating or adding a lab is an update of that
// secret; running functions pick it up within the cache TTL. One GetSecretValue
// call (JSON 1.1 protocol) through ./aws-signed-request.ts.

export function secretsManagerSource(secretId: string, options: { transport?: AwsTransport; endpoint?: string; region?: string } = {}): LabSecretSource {
  const send = options.transport ?? signedRequest;
  return {
    name: 'secrets-manager',
    async load() {
      const res = await send({
        service: 'secretsmanager',
        region: options.region ?? config().AWS_REGION,
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' },
        body: JSON.stringify({ SecretId: secretId }),
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      });
      let out: { SecretString?: unknown; __type?: unknown };
      try {
        out = JSON.parse(res.text) as typeof out;
      } catch {
        throw new Error(`Secrets Manager answered ${res.status} with a body that is not JSON`);
      }
      if (res.status !== 200) throw new Error(`Secrets Manager GetSecretValue failed: ${res.status} ${String(out.__type ?? 'unknown')}`);
      if (typeof out.SecretString !== 'string' || out.SecretString === '') throw new Error('The lab secret has no SecretString');
      return parseLabSecrets(out.SecretString, 'secrets-manager');
    },
  };
}
