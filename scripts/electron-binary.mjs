// Where `npm install` put Electron's binary, without triggering the on-demand download
// that `require("electron")` starts when the binary is missing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Absolute path of the Electron binary, or null when it was not installed
 * (ELECTRON_SKIP_BINARY_DOWNLOAD=1, or no access to GitHub).
 * @returns {string | null}
 */
export function electronBinary() {
  const pkg = fileURLToPath(new URL("../node_modules/electron/", import.meta.url));
  const pathFile = join(pkg, "path.txt");
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, "dist", readFileSync(pathFile, "utf8").trim());
  return existsSync(binary) ? binary : null;
}
