import * as z from 'zod/mini';

// Where staff sign in: the OpenID issuer and the page's app client. Locally `npm
// start` sets them to its own provider (local/oidc/); in the cloud the stack sets
// the user pool's issuer, the client and the managed login domain. Read once and
// validated.
const AuthConfigSchema = z.object({
  OIDC_ISSUER: z.optional(z.url()),
  OIDC_CLIENT_ID: z.optional(z.string().check(z.minLength(1))),
  /** Cloud: the user pool domain's base URL (managed login), e.g. https://desk.auth.ap-east-1.amazoncognito.com */
  OIDC_DOMAIN_URL: z.optional(z.url()),
});

export type AuthSettings = z.infer<typeof AuthConfigSchema>;

let cached: AuthSettings | undefined;

export function authSettings(): AuthSettings {
  if (!cached) {
    const parsed = AuthConfigSchema.safeParse(process.env);
    if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    cached = parsed.data;
  }
  return cached;
}

export function resetAuthSettings(): void {
  cached = undefined;
}
