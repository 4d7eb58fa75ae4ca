// The interactive API documentation at /docs: Swagger UI over the server's own schema. A file,
// not an inline script, so that the content-security policy can forbid inline code.
(function () {
  "use strict";
  var box = document.getElementById("swagger-ui");
  if (!box || !window.SwaggerUIBundle) return;
  window.SwaggerUIBundle({
    url: box.dataset.schema,
    dom_id: "#swagger-ui",
    // no link inside each operation's button: a link nested in a button is two controls in one
    // (axe-core: nested-interactive), which a screen reader cannot tell apart
    deepLinking: false,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    // No online validator badge (it would send the schema's address to validator.swagger.io);
    // BaseLayout draws none, and this keeps it so under any layout.
    validatorUrl: null
  });
})();
