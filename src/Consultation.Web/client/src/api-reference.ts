// Mounts Scalar's browsable reference for the OpenAPI document. Scalar's own page at /scalar uses an inline
// script, which our Content-Security-Policy forbids; this module does the same job from a file.

interface ScalarGlobal {
  createApiReference(selector: string, configuration: { url: string; hideClientButton?: boolean }): void;
}

const mount = document.getElementById("api-reference");
const scalar = (window as unknown as { Scalar?: ScalarGlobal }).Scalar;
if (mount?.dataset.openapi && scalar) {
  scalar.createApiReference("#api-reference", { url: mount.dataset.openapi, hideClientButton: true });
}
