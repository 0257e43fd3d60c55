import { defineConfig } from "vite";

// The renderer is static files served by Electron's app:// protocol or by `qawl serve`.
// No inline assets (the CSP has no data: fonts and no 'unsafe-inline').
export default defineConfig({
  root: "renderer",
  base: "./",
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
