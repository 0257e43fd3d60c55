import { defineConfig, type Plugin } from "vite";
import { META_CONTENT_SECURITY_POLICY } from "../main/security/policy.ts";

/** The CSP in the built page itself too, not only in the header its host sends. */
const policyInPage: Plugin = {
  name: "qawl-csp-meta",
  apply: "build",
  transformIndexHtml: () => [
    {
      tag: "meta",
      attrs: { "http-equiv": "Content-Security-Policy", content: META_CONTENT_SECURITY_POLICY },
      injectTo: "head-prepend",
    },
  ],
};

// The renderer is static files served by Electron's app:// protocol or by `qawl serve`.
// No inline assets (the CSP has no data: fonts and no 'unsafe-inline').
export default defineConfig({
  root: "renderer",
  base: "./",
  plugins: [policyInPage],
  // csv-stringify's Node build uses Buffer; its browser build (same API) bundles what it needs.
  resolve: { alias: { "csv-stringify/sync": "csv-stringify/browser/esm/sync" } },
  build: {
    outDir: "../dist/renderer",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    target: "chrome120",
    modulePreload: { polyfill: false },
  },
});
