/**
 * Files of npm packages the pages use (Swagger UI for the API reference), by the name
 * they are served under /assets/: read from node_modules locally, copied into the web
 * Lambda's web/ by lib/handler-assets.ts. No imports: the CDK app reads it too.
 */
export const VENDOR_FILES: Readonly<Record<string, string>> = {
  'swagger-ui-bundle.js': 'node_modules/swagger-ui-dist/swagger-ui-bundle.js',
  'swagger-ui.css': 'node_modules/swagger-ui-dist/swagger-ui.css',
  // Staff sign-in (OAuth 2.0 code + PKCE); the browser build defines `window.oidc`.
  'oidc-client-ts.min.js': 'node_modules/oidc-client-ts/dist/browser/oidc-client-ts.min.js',
};
