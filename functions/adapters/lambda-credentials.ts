import { fromEnv } from '@aws-sdk/credential-provider-env';

// Bundled into the Lambda functions IN PLACE OF @aws-sdk/credential-provider-node
// (an esbuild alias, lib/bundling.ts). Lambda always hands a function its role's
// credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN,
// which is the first link of the SDK's default chain; the other links (SSO, ini
// profiles, processes, web identity, STS, instance metadata) can never answer
// there and were ~130 KB of every bundle. Local runs and tests use the real chain.

type FromEnvInit = Parameters<typeof fromEnv>[0];

export const defaultProvider = (init: FromEnvInit = {}) => fromEnv(init);

// The other exports of @aws-sdk/credential-provider-node, same semantics.
export const credentialsWillNeedRefresh = (credentials?: { expiration?: Date }) => credentials?.expiration !== undefined;
export const credentialsTreatedAsExpired = (credentials?: { expiration?: Date }) =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;
