import type { TestProject } from 'vitest/node';
import { createTable } from '../../local/create-table.js';
import { startDynamoLocal } from '../../local/dynamodb-local.js';
import { freePort } from './free-port.js';
import { preflight } from './preflight.js';

// One DynamoDB Local (in memory) for the whole run; every test file makes its own
// facilities with fresh ids, so files can share the table.

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    tableName: string;
  }
}

export default async function setup(project: TestProject) {
  // `npm test` has already installed what it could; `npx vitest run` stops here too
  // with the same single message rather than failing test after test.
  const missing = preflight({ install: false });
  if (missing) {
    console.error(`\n${missing}\n`);
    process.exit(1);
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const tableName = 'quarantine-desk-test';
  await createTable(dynamo.endpoint, tableName);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('tableName', tableName);
  return async () => dynamo.stop();
}
