/**
 * Mapping a request path to a file of the built renderer without ever leaving its folder:
 * the resolved path must equal the root or start with `root + sep` (so `/dist-evil/` next to
 * `/dist/` does not pass a plain prefix test), and so must the file it really is once symbolic
 * links are followed (a link placed in the folder must not serve the system's files).
 */
import { realpathSync } from "node:fs";
import { resolve, sep } from "node:path";
import mime from "mime-types";

/**
 * The file under `root` that a URL path names, or null when it would escape `root` (by `..`
 * or by a symbolic link) or is not there.
 * @param root absolute folder of the renderer
 * @param urlPath the URL's pathname, percent-encoded (e.g. `/assets/index.js`); `/` maps to `index.html`
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const relative = decoded === "/" || decoded === "" ? "index.html" : decoded.replace(/^\/+/u, "");
  const rootResolved = resolve(root);
  const file = resolve(rootResolved, relative);
  if (!file.startsWith(rootResolved + sep)) return null;
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(file);
    realRoot = realpathSync(rootResolved);
  } catch {
    return null; // not there
  }
  return real.startsWith(realRoot + sep) ? real : null;
}

/** The media type to serve `file` with (`application/octet-stream` when unknown). */
export function mediaTypeOf(file: string): string {
  const type = mime.contentType(file.slice(file.lastIndexOf("/") + 1));
  return type === false ? "application/octet-stream" : type;
}
