import * as z from 'zod/mini';
import './zod-messages.js';

// Configuration is read from the environment once per process and validated, so a
// misconfigured deployment fails at cold start with a clear message instead of
// at the first request that happens to touch the missing value.
const ConfigSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(3)),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'us-east-1'),
  /** Set locally (DynamoDB Local); unset in the cloud. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  /** Base URL printed into documents' QR codes and links. */
  PUBLIC_BASE_URL: z._default(z.url(), 'http://localhost:3000'),
  LOG_LEVEL: z._default(z.enum(['debug', 'info', 'warn', 'error', 'silent']), 'info'),
  /** Largest accepted JSON body, in bytes (a 500-row manifest fits comfortably). */
  MAX_BODY_BYTES: z._default(z.coerce.number().check(z.int(), z.positive()), 1_048_576),
  /** The retention job anonymizes stays closed this many days ago or earlier (facility-local dates). */
  RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(3650)), 180),
  /** Requests per minute one personal link may make to its public routes. */
  PERSONAL_LINK_RATE: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 30),
  /** Requests per minute one client address may make to the personal-link routes (wrong secrets included). */
  PERSONAL_CLIENT_RATE: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 120),
});

export type Config = z.infer<typeof ConfigSchema>;

let cached: Config | undefined;

export function config(): Config {
  if (!cached) {
    const parsed = ConfigSchema.safeParse(process.env);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid configuration: ${fields}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests and the local server change the environment before first use; this forgets the cache. */
export function resetConfig(): void {
  cached = undefined;
}
