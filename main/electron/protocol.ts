/**
 * The `app://qawl/` scheme: the renderer's files, read from the built bundle only (path
 * checked by `resolveStaticFile`), each answered with the CSP and security headers.
 * Registered as privileged (standard, secure) before the app is ready.
 */
import { readFile } from "node:fs/promises";
import { protocol } from "electron";
import { SECURITY_HEADERS } from "../security/policy.ts";
import { APP_HOST, APP_SCHEME } from "../security/sender.ts";
import { mediaTypeOf, resolveStaticFile } from "../security/static-files.ts";

/** Declare the scheme; must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serve the renderer from `root` on `app://qawl/`; anything else is 404. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStaticFile(root, url.pathname) : null;
    if (file === null) return new Response("not found", { status: 404, headers: SECURITY_HEADERS });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { ...SECURITY_HEADERS, "Content-Type": mediaTypeOf(file) } });
    } catch {
      return new Response("not found", { status: 404, headers: SECURITY_HEADERS });
    }
  });
}
