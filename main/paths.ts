/**
 * Where Qawl finds its files: the default project, the built renderer, the sample article.
 * Resolved from this module's own location, so they work from the repository (`dist/`)
 * and from a packaged app (`app.asar`).
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import envPaths from "env-paths";
import { isPostgresLocation } from "../db/connection.ts";

/**
 * The repository root (or the app root inside a package): the nearest folder above this
 * module that holds a `package.json` — `main/` when run from source, `dist/main/` when built.
 */
const APP_ROOT = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

/**
 * The default project file in the user's data directory (`$XDG_DATA_HOME/Qawl` on Linux,
 * `~/Library/Application Support/Qawl` on macOS, `%LOCALAPPDATA%\Qawl` on Windows).
 */
export function defaultProjectPath(): string {
  return join(envPaths("Qawl", { suffix: "" }).data, "default.qawl");
}

/**
 * Where a project named by `--project` is: a file path made absolute, the default project
 * when none is named, or a PostgreSQL URL as given.
 */
export function projectLocation(project: string | undefined): string {
  if (project !== undefined && isPostgresLocation(project)) return project;
  return resolve(project ?? defaultProjectPath());
}

/**
 * The file that keeps each project's `qawl serve` token and port, in the same data directory
 * as the default project (private to the user; never inside a project file, which is shared).
 */
export function serveTokensPath(): string {
  return join(envPaths("Qawl", { suffix: "" }).data, "serve-tokens.json");
}

/** The folder of the built renderer (`index.html` and its assets). */
export function rendererRoot(): string {
  const fromDist = join(APP_ROOT, "dist", "renderer");
  return existsSync(fromDist) ? fromDist : join(APP_ROOT, "renderer", "dist");
}

/** The sample article shipped with the repository (not with packaged builds), or null. */
export function sampleArticlePath(): string | null {
  const path = join(APP_ROOT, "fixtures", "lavrov-pompeo-sochi-2019.txt");
  return existsSync(path) ? path : null;
}
