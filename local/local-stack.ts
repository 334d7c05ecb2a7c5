import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { resetConfig } from '../functions/shared/config.js';
import { resetDb } from '../functions/shared/db.js';
import { createTable } from './create-table.js';
import { startDynamoLocal, type DynamoLocal } from './dynamodb-local.js';
import { loadOrCreateKeyPair, newKeyPair, type KeyPair } from './jwt.js';
import { startJobTimers } from './job-timers.js';
import { createLocalServer } from './server.js';

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
}

export interface LocalStack {
  url: string;
  dynamo: DynamoLocal;
  keys: KeyPair;
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
    const server = createLocalServer({ publicKey: keys.publicKey });
    await new Promise<void>((resolve) => server.listen(o.port, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    process.env.PUBLIC_BASE_URL ??= `http://localhost:${port}`;
    resetConfig();
    const stopJobs = o.jobs ? startJobTimers() : () => undefined;
    return {
      url: `http://127.0.0.1:${port}`,
      dynamo,
      keys,
      async stop() {
        stopJobs();
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
