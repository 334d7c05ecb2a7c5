import * as z from 'zod/mini';
import { meta } from './common.js';

/** What the page needs to sign people in (OAuth 2.0 code + PKCE), locally and in the cloud alike. */
export const AuthConfig = meta(
  z.object({
    /** false: no OpenID provider here (a bare API server): the page offers token sign-in only. */
    enabled: z.boolean(),
    authority: z.optional(z.string()),
    clientId: z.optional(z.string()),
    scope: z.optional(z.string()),
    /** Endpoints given outright (Cognito's managed login); absent: the page reads the issuer's discovery document. */
    metadata: z.optional(
      z.object({
        issuer: z.string(),
        authorization_endpoint: z.string(),
        token_endpoint: z.string(),
        revocation_endpoint: z.string(),
        end_session_endpoint: z.string(),
      }),
    ),
    /** Cognito's logout endpoint takes `logout_uri` instead of `post_logout_redirect_uri`. */
    logoutUriParam: z.optional(z.string()),
  }),
  { id: 'AuthConfig' },
);
