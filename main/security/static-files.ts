/**
 * Mapping a request path to a file of the built renderer without ever leaving its folder:
 * the resolved path must equal the root or start with `root + sep` (so `/dist-evil/` next to
 * `/dist/` does not pass a plain prefix test).
 */
import { resolve, sep } from "node:path";
import mime from "mime-types";

/**
 * The file under `root` that a URL path names, or null when it would escape `root`.
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
  return file.startsWith(rootResolved + sep) ? file : null;
}

/** The media type to serve `file` with (`application/octet-stream` when unknown). */
export function mediaTypeOf(file: string): string {
  const type = mime.contentType(file.slice(file.lastIndexOf("/") + 1));
  return type === false ? "application/octet-stream" : type;
}
