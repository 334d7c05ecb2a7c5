import { authSettings } from '../shared/auth-config.js';
import { httpHandler, json } from '../shared/public-http.js';

// GET /auth/config: the sign-in settings the page hands to oidc-client-ts. Public,
// like the discovery document it points to. With a managed login domain (Cognito)
// the endpoints are given outright, since Cognito's discovery document names no
// revocation or logout endpoint.
export const handler = httpHandler('public', async () => {
  const s = authSettings();
  if (!s.OIDC_ISSUER || !s.OIDC_CLIENT_ID) return json(200, { enabled: false }, { 'cache-control': 'no-cache' });
  const domain = s.OIDC_DOMAIN_URL?.replace(/\/$/, '');
  return json(
    200,
    {
      enabled: true,
      authority: s.OIDC_ISSUER,
      clientId: s.OIDC_CLIENT_ID,
      scope: 'openid profile',
      ...(domain
        ? {
            metadata: {
              issuer: s.OIDC_ISSUER,
              authorization_endpoint: `${domain}/oauth2/authorize`,
              token_endpoint: `${domain}/oauth2/token`,
              revocation_endpoint: `${domain}/oauth2/revoke`,
              end_session_endpoint: `${domain}/logout`,
            },
            logoutUriParam: 'logout_uri',
          }
        : {}),
    },
    { 'cache-control': 'no-cache' },
  );
});
