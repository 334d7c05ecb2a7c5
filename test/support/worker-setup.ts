import { inject } from 'vitest';

// Point the functions at the shared DynamoDB Local before any of them reads its config.
process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
process.env.TABLE_NAME = inject('tableName');
process.env.LOG_LEVEL ??= 'silent';
process.env.PUBLIC_BASE_URL ??= 'http://localhost:3000';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
