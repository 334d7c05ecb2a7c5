import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The CDK tests need no DynamoDB Local: without the root config's global setup they
// run in a few seconds. `npx vitest run --config test/cdk/vitest.config.ts`
// (`npx vitest run test/cdk` also works, through the root config, ~10 s slower).
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/cdk/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
