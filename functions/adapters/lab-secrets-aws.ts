import { config } from '../shared/config.js';
import { parseLabSecrets, type LabSecretSource } from '../ports/lab-secrets.js';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SdkClient } from './aws-sdk.js';

// Cloud adapter of the LabSecrets port: one Secrets Manager secret whose string is
// JSON {"<labId>": "<secret>", ...}. Rotating or adding a lab is an update of that
// secret; running functions pick it up within the cache TTL.

interface SecretsManagerModule {
  SecretsManagerClient: new (options: { region: string; maxAttempts?: number }) => SdkClient;
  GetSecretValueCommand: new (input: { SecretId: string }) => unknown;
}

export function secretsManagerSource(secretId: string, client?: SdkClient, sdk?: Pick<SecretsManagerModule, 'GetSecretValueCommand'>): LabSecretSource {
  let resolved: Promise<{ client: SdkClient; sdk: Pick<SecretsManagerModule, 'GetSecretValueCommand'> }> | undefined;
  const connect = () =>
    (resolved ??= (async () => {
      if (client && sdk) return { client, sdk };
      const mod = { SecretsManagerClient, GetSecretValueCommand } as unknown as SecretsManagerModule;
      return { client: client ?? new mod.SecretsManagerClient({ region: config().AWS_REGION, maxAttempts: 3 }), sdk: sdk ?? mod };
    })());
  return {
    name: 'secrets-manager',
    async load() {
      const { client: c, sdk: s } = await connect();
      const out = (await c.send(new s.GetSecretValueCommand({ SecretId: secretId }))) as { SecretString?: string };
      if (!out.SecretString) throw new Error('The lab secret has no SecretString');
      return parseLabSecrets(out.SecretString, 'secrets-manager');
    },
  };
}
