import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from './config.js';

// One client per process, created on first use so cold starts pay for it once
// and tests can point the environment at DynamoDB Local before that.
let client: DynamoDBDocumentClient | undefined;

export function db(): DynamoDBDocumentClient {
  if (!client) {
    const { DYNAMODB_ENDPOINT, AWS_REGION } = config();
    const base = new DynamoDBClient({
      region: AWS_REGION,
      maxAttempts: 3,
      ...(DYNAMODB_ENDPOINT
        ? {
            endpoint: DYNAMODB_ENDPOINT,
            // DynamoDB Local accepts any credentials made of letters and digits.
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          }
        : {}),
    });
    client = DynamoDBDocumentClient.from(base, {
      marshallOptions: { removeUndefinedValues: true },
    });
  }
  return client;
}

export function tableName(): string {
  return config().TABLE_NAME;
}

/** Forget the client (after the endpoint changed, e.g. in tests). */
export function resetDb(): void {
  client?.destroy();
  client = undefined;
}
