// The API reference page: Swagger UI (npm swagger-ui-dist, served by this project,
// no CDN) rendering GET /openapi.json. No inline script, so it runs under the
// page's strict Content-Security-Policy.
'use strict';

window.addEventListener('DOMContentLoaded', () => {
  window.ui = window.SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#api',
    deepLinking: true,
    // The public validator badge would call a third-party service: off.
    validatorUrl: null,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: false,
  });
});
