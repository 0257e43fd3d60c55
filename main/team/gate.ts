/**
 * The gate of a team server (`qawl serve --team`, ARCHITECTURE.md §12): a sign-in page, a
 * session in an HttpOnly, SameSite=Strict cookie, and a CSRF value that every API request
 * must send back in `X-Qawl-Csrf` (double submit: the page reads it from a second cookie,
 * which scripts may read but other sites can neither read nor send with a request of
 * theirs). An API call then carries the person's access: their name as annotator, their
 * role and, for an annotator, the documents assigned to them (core/team.ts).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Access } from "../../core/team.ts";
import { cookieValue, readBody, send, type Gate, type Refusal } from "../serve/server.ts";
import { SIGN_IN_CONTENT_SECURITY_POLICY } from "../security/policy.ts";
import { sameSecret, type TeamAccounts } from "./accounts.ts";
import { SIGN_IN_CSS, signInPage } from "./sign-in-page.ts";

/** The session cookie's name. */
export const SESSION_COOKIE = "qawl_session";
/** The cookie the page reads its CSRF value from. */
export const CSRF_COOKIE = "qawl_csrf";

const SIGN_IN_HEADERS = { "Content-Security-Policy": SIGN_IN_CONTENT_SECURITY_POLICY };

/** How a team server lets people in. */
export interface TeamGateOptions {
  accounts: TeamAccounts;
  /** Annotators see their own layer only. */
  blind: boolean;
  /** Add `Secure` to the cookies (the server is behind HTTPS). */
  secureCookies?: boolean;
}

/** The team server's gate. */
export function teamGate(options: TeamGateOptions): Gate {
  const { accounts } = options;
  const flags = `HttpOnly; SameSite=Strict; Path=/${options.secureCookies === true ? "; Secure" : ""}`;
  const csrfFlags = `SameSite=Strict; Path=/${options.secureCookies === true ? "; Secure" : ""}`;

  async function signIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const name = form.get("name") ?? "";
    const session = await accounts.signIn(name, form.get("password") ?? "");
    if (session === null) {
      send(res, 401, signInPage({ failed: true, name }), "text/html; charset=utf-8", SIGN_IN_HEADERS);
      return;
    }
    res.writeHead(303, {
      Location: "/",
      "Set-Cookie": [`${SESSION_COOKIE}=${session.token}; ${flags}`, `${CSRF_COOKIE}=${session.csrf}; ${csrfFlags}`],
      "Cache-Control": "no-store",
    });
    res.end();
  }

  return {
    async route(req, res, url) {
      if (url.pathname === "/login.css") {
        send(res, 200, SIGN_IN_CSS, "text/css; charset=utf-8");
        return true;
      }
      if (url.pathname === "/favicon.ico") {
        send(res, 204, "", "image/x-icon");
        return true;
      }
      if (url.pathname === "/login") {
        if (req.method === "POST") {
          if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
            send(res, 415, "send the sign-in form\n", "text/plain; charset=utf-8");
          } else await signIn(req, res);
        } else send(res, 200, signInPage({ failed: false, name: "" }), "text/html; charset=utf-8", SIGN_IN_HEADERS);
        return true;
      }
      if (url.pathname === "/logout" && req.method === "POST") {
        const token = cookieValue(req, SESSION_COOKIE);
        const session = await accounts.session(token);
        if (session === null || !sameSecret(req.headers["x-qawl-csrf"] as string | undefined, session.csrf)) {
          send(res, 403, "sign out from the page\n", "text/plain; charset=utf-8");
          return true;
        }
        await accounts.signOut(token ?? "");
        send(res, 204, "", "text/plain; charset=utf-8", {
          "Set-Cookie": `${SESSION_COOKIE}=; ${flags}; Max-Age=0`,
        });
        return true;
      }
      return false;
    },

    async api(req) {
      const session = await accounts.session(cookieValue(req, SESSION_COOKIE));
      if (session === null) return { status: 401, message: "sign in first (your session ended or never began)" };
      if (!sameSecret(req.headers["x-qawl-csrf"] as string | undefined, session.csrf)) {
        return { status: 403, message: "missing or wrong X-Qawl-Csrf" };
      }
      const access: Access = {
        annotator: session.name,
        role: session.role,
        documents: session.role === "annotator" ? await accounts.assigned(session.name) : null,
        blind: options.blind,
      };
      return { access };
    },

    async page(req, url): Promise<{ headers: Record<string, string> } | Refusal> {
      const session = await accounts.session(cookieValue(req, SESSION_COOKIE));
      if (session !== null) return { headers: {} };
      // The page itself sends people to sign in; its assets are refused outright.
      if (url.pathname === "/" || url.pathname.endsWith(".html")) {
        return { status: 303, message: "sign in first", headers: { Location: "/login" } };
      }
      return { status: 401, message: "sign in first" };
    },
  };
}
