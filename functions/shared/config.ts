import * as z from 'zod';

// Configuration is read from the environment once per process and validated, so a
// misconfigured deployment fails at cold start with a clear message instead of
// at the first request that happens to touch the missing value.
const ConfigSchema = z.object({
  TABLE_NAME: z.string().min(3),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** Set locally (DynamoDB Local); unset in the cloud. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Base URL printed into documents' QR codes and links. */
  PUBLIC_BASE_URL: z.url().default('http://localhost:3000'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Largest accepted JSON body, in bytes (a 500-row manifest fits comfortably). */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** The retention job anonymizes stays closed this many days ago or earlier (facility-local dates). */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Requests per minute one personal link may make to its public routes. */
  PERSONAL_LINK_RATE: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Requests per minute one client address may make to the personal-link routes (wrong secrets included). */
  PERSONAL_CLIENT_RATE: z.coerce.number().int().min(1).max(100_000).default(120),
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
