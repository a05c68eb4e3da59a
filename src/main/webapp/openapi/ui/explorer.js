// The API explorer: Swagger UI showing this Sacrum's live description (../../openapi, whatever the context root).
// A file of its own, not an inline script: the page runs under the console's Content-Security-Policy.
window.addEventListener('DOMContentLoaded', () => {
  window.ui = SwaggerUIBundle({
    url: new URL('../../openapi', window.location.href).href,
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null, // no call to swagger.io: connect-src 'self'
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
