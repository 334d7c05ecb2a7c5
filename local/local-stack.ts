import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { resetConfig } from '../functions/shared/config.js';
import { resetDb } from '../functions/shared/db.js';
import { createTable } from './create-table.js';
import { startDynamoLocal, type DynamoLocal } from './dynamodb-local.js';
import { loadOrCreateKeyPair, newKeyPair, type KeyPair } from './jwt.js';
import { startJobTimers } from './job-timers.js';
import { createLocalServer } from './server.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from './jwt.js';
import { discoveredIssuer, keyIssuer, tokenVerifier, type TokenVerifier } from './token-verifier.js';
import { loadOrCreateProviderKeys } from './oidc/keys.js';
import { createLocalProvider, OIDC_PREFIX, type LocalProvider } from './oidc/provider.js';
import { resetAccounts } from '../functions/ports/accounts.js';
import { ensureFirstAdmin, type FirstAdmin } from './oidc/first-admin.js';

// The whole system on one machine: DynamoDB Local, the table, the HTTP server in
// front of the handlers, and the scheduled jobs on timers. Used by `npm start`,
// the tests and the benchmarks alike.

export interface LocalStackOptions {
  /** HTTP port; 0 picks a free one. */
  port: number;
  dynamoPort: number;
  /** Keep data under `${dataDir}/dynamodb` (false: in memory). */
  persist: boolean;
  dataDir: string;
  tableName: string;
  /** Run the scheduled jobs on their local timers. */
  jobs: boolean;
  /** Use a throwaway signing key instead of `${dataDir}/local-jwt-key.pem`. */
  ephemeralKey?: boolean;
  /** ID token lifetime of the local OpenID provider (default one hour, like Cognito's). */
  idTokenSeconds?: number;
}

export interface LocalStack {
  url: string;
  dynamo: DynamoLocal;
  keys: KeyPair;
  /** The local OpenID provider people sign in with (issuer <url>/oidc). */
  oidc: LocalProvider;
  /** The administrator created by this start (first start only), or whether accounts still wait for their first sign-in. */
  firstAdmin: FirstAdmin;
  stop(): Promise<void>;
}

export async function startLocalStack(o: LocalStackOptions): Promise<LocalStack> {
  const dbPath = o.persist ? join(o.dataDir, 'dynamodb') : undefined;
  if (dbPath) (await import('node:fs')).mkdirSync(dbPath, { recursive: true });
  const dynamo = await startDynamoLocal({ port: o.dynamoPort, dbPath });
  try {
    process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
    process.env.TABLE_NAME = o.tableName;
    resetConfig();
    resetDb();
    await createTable(dynamo.endpoint, o.tableName);
    const keys = o.ephemeralKey ? newKeyPair() : loadOrCreateKeyPair(join(o.dataDir, 'local-jwt-key.pem'));
    const scripts = keyIssuer(LOCAL_ISSUER, LOCAL_AUDIENCE, keys.publicKey);
    const accountsFile = o.persist ? join(o.dataDir, 'accounts.json') : undefined;
    if (accountsFile) process.env.ACCOUNTS_FILE = accountsFile;
    else delete process.env.ACCOUNTS_FILE;
    resetAccounts();
    const firstAdmin = await ensureFirstAdmin(accountsFile);
    const providerKeys = await loadOrCreateProviderKeys(o.persist ? join(o.dataDir, 'oidc-keys.json') : undefined);
    // Until the provider exists (it needs the port) only script tokens are accepted.
    let verify: TokenVerifier = tokenVerifier([scripts]);
    let oidc: LocalProvider | undefined;
    const server = createLocalServer({
      verify: (token, now) => verify(token, now),
      mount: { prefix: OIDC_PREFIX, handle: (req, res) => (oidc ? oidc.handle(req, res) : void res.writeHead(503).end()) },
    });
    // A taken port is an error to report, not a wait that never ends.
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    process.env.PUBLIC_BASE_URL ??= `http://localhost:${port}`;
    oidc = await createLocalProvider({ baseUrl: `http://localhost:${port}`, keys: providerKeys, accountsFile, idTokenSeconds: o.idTokenSeconds, stateFile: o.persist ? join(o.dataDir, 'oidc-state.json') : undefined });
    // The page signs in against it; the API finds its keys by discovery, as API Gateway finds Cognito's.
    process.env.OIDC_ISSUER = oidc.issuer;
    process.env.OIDC_CLIENT_ID = oidc.clientId;
    verify = tokenVerifier([scripts, discoveredIssuer(oidc.issuer, oidc.clientId)]);
    resetConfig();
    const stopJobs = o.jobs ? startJobTimers() : () => undefined;
    return {
      url: `http://127.0.0.1:${port}`,
      dynamo,
      keys,
      oidc,
      firstAdmin,
      async stop() {
        stopJobs();
        oidc?.flush();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        resetDb();
        await dynamo.stop();
      },
    };
  } catch (err) {
    await dynamo.stop();
    throw err;
  }
}
