// Lint rules, including who may import whom: only main/electron/ imports `electron`;
// core/ stays free of Node and the DOM so every host and the renderer can use it;
// the renderer never reaches into db/ or main/.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const restrict = (patterns, message) => ({
  "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ["dist/", "release/", "node_modules/", "test-results/", "playwright-report/"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // Qawl counts code points on purpose (the offset contract): spreading a string is how.
      "@typescript-eslint/no-misused-spread": "off",
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", package: "node:test", name: ["describe", "it", "test", "suite"] },
          ],
        },
      ],
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      ...restrict(["electron"], "Only main/electron/ may import electron."),
    },
  },
  {
    files: ["main/electron/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["core/**"],
    ignores: ["core/**/*.test.ts"],
    rules: restrict(
      ["node:*", "electron", "better-sqlite3", "../db/*", "../main/*", "../../db/*", "../../main/*"],
      "core/ is plain logic shared by every host and the renderer: no Node, DOM or store imports.",
    ),
  },
  {
    files: ["renderer/**"],
    // The build's configuration is tooling, not page code: it puts the host's CSP in the page.
    ignores: ["renderer/**/*.test.ts", "renderer/vite.config.ts"],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      ["node:*", "electron", "better-sqlite3", "../db/*", "../../db/*", "../main/*", "../../main/*"],
      "The renderer talks to the API, never to the store or a host.",
    ),
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);
