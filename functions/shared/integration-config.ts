import * as z from 'zod/mini';
import './zod-messages.js';

// Configuration of the external services behind ports (lab secrets, notifier), read
// from the environment once per process and validated like shared/config.ts. Kept
// apart from it so the many handlers that never talk to those services do not
// carry these settings.
const IntegrationConfigSchema = z.object({
  /** Cloud: Secrets Manager secret (name or ARN) holding JSON {"<labId>": "<secret>"}. */
  LAB_SECRETS_ARN: z.optional(z.string().check(z.minLength(1))),
  /** Local alternative to the file: the same JSON in an environment variable. */
  LAB_SECRETS: z.optional(z.string().check(z.minLength(2))),
  /** Local: the file `npm run lab -- add NAME` writes. */
  LAB_SECRETS_FILE: z._default(z.string().check(z.minLength(1)), '.data/labs.json'),
  /** How long a process keeps the lab secrets before reading them again. */
  LAB_SECRETS_TTL_SECONDS: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(3600))),
  /** Cloud: SNS topic reminders are published to; unset: reminders go to the log (console). */
  TOPIC_ARN: z.optional(z.string().check(z.regex(/^arn:aws[a-z-]*:sns:/, 'Use an SNS topic ARN'))),
});

export type IntegrationConfig = z.infer<typeof IntegrationConfigSchema>;

let cached: IntegrationConfig | undefined;

export function integrationConfig(): IntegrationConfig {
  if (!cached) {
    const parsed = IntegrationConfigSchema.safeParse(process.env);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid configuration: ${fields}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests change the environment before first use; this forgets the cache. */
export function resetIntegrationConfig(): void {
  cached = undefined;
}
