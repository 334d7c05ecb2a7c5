import { LAB_ID_PATTERN } from '../domain/lab-signature.js';
import { integrationConfig } from '../shared/integration-config.js';
import { errorFields, logger } from '../shared/logger.js';

// Port: the shared secret of each lab that may post results to the webhook.
// Adapters: AWS Secrets Manager in the cloud (LAB_SECRETS_ARN), locally the
// LAB_SECRETS environment variable or the file `npm run lab -- add` writes
// (.data/labs.json). The whole set is cached per process for a short time, so a
// webhook call costs no secret lookup while warm, and a newly added lab is
// accepted within one TTL.

export interface LabSecrets {
  /** The lab's shared secret, or undefined for a lab nobody registered. */
  secretFor(labId: string): Promise<string | undefined>;
}

/** Where the secrets come from: one read of the whole set. */
export interface LabSecretSource {
  readonly name: string;
  load(): Promise<Map<string, string>>;
}

/** Shorter secrets are ignored: an empty or tiny HMAC key would let anyone sign. */
export const MIN_SECRET_LENGTH = 32;
export { LAB_ID_PATTERN };

/**
 * Parses `{"<labId>": "<secret>"}` (the Secrets Manager format) or the richer file
 * format `{"<labId>": {"name": "...", "secret": "...", "createdAt": "..."}}`.
 */
export function parseLabSecrets(json: string, origin: string): Map<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(`Lab secrets in ${origin} are not valid JSON`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`Lab secrets in ${origin} must be a JSON object keyed by lab id`);
  const secrets = new Map<string, string>();
  for (const [labId, entry] of Object.entries(value as Record<string, unknown>)) {
    const secret = typeof entry === 'string' ? entry : entry && typeof entry === 'object' ? (entry as { secret?: unknown }).secret : undefined;
    if (!LAB_ID_PATTERN.test(labId) || typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
      // The id only: never the secret.
      logger.warn('lab secret ignored', { origin, labId: LAB_ID_PATTERN.test(labId) ? labId : '(invalid id)' });
      continue;
    }
    secrets.set(labId, secret);
  }
  return secrets;
}

/** Caches the source's whole set for `ttlMs`; concurrent misses share one load; a failed reload keeps the previous set. */
export function cachedLabSecrets(source: LabSecretSource, ttlMs: number, clock: () => number = Date.now): LabSecrets {
  let current: { secrets: Map<string, string>; until: number } | undefined;
  let loading: Promise<Map<string, string>> | undefined;

  async function secrets(): Promise<Map<string, string>> {
    if (current && current.until > clock()) return current.secrets;
    loading ??= source
      .load()
      .then((s) => {
        current = { secrets: s, until: clock() + ttlMs };
        return s;
      })
      .catch((err: unknown) => {
        if (!current) throw err;
        // Better the secrets of a minute ago than refusing every lab while the store hiccups.
        logger.warn('lab secrets reload failed; using the previous set', { source: source.name, ...errorFields(err) });
        current = { secrets: current.secrets, until: clock() + Math.min(ttlMs, 10_000) };
        return current.secrets;
      })
      .finally(() => (loading = undefined));
    return loading;
  }

  return { secretFor: async (labId) => (await secrets()).get(labId) };
}

let instance: LabSecrets | undefined;

/** The process's lab secrets, from the adapter the configuration selects. */
export async function labSecrets(): Promise<LabSecrets> {
  if (!instance) {
    const c = integrationConfig();
    let source: LabSecretSource;
    let ttlSeconds: number;
    if (c.LAB_SECRETS_ARN) {
      const { secretsManagerSource } = await import('../adapters/lab-secrets-aws.js');
      source = secretsManagerSource(c.LAB_SECRETS_ARN);
      ttlSeconds = c.LAB_SECRETS_TTL_SECONDS ?? 60;
    } else {
      const { envSource, fileSource } = await import('../adapters/lab-secrets-local.js');
      source = c.LAB_SECRETS ? envSource(c.LAB_SECRETS) : fileSource(c.LAB_SECRETS_FILE);
      ttlSeconds = c.LAB_SECRETS_TTL_SECONDS ?? 5;
    }
    instance = cachedLabSecrets(source, ttlSeconds * 1000);
  }
  return instance;
}

/** Tests swap the configuration; this forgets the adapter and its cache. */
export function resetLabSecrets(): void {
  instance = undefined;
}
