/**
 * `qawl serve`: the operation table and the renderer over loopback HTTP, for using Qawl in
 * a browser and for end-to-end tests.
 *
 * - Listens on 127.0.0.1 only; a random free port unless one is given.
 * - A 256-bit token is required on every request: `X-Qawl-Token` header for the API;
 *   for page loads the `?token=` query (which sets an HttpOnly, SameSite=Strict cookie so the
 *   page's own assets load: a key derived from the token, which the API refuses) or that
 *   cookie. It is compared in constant time (SHA-256 of both sides, then `timingSafeEqual`,
 *   so not even the length leaks). `qawl serve` keeps one token
 *   per project across restarts (see `durable.ts`).
 * - The Host header must name the loopback address and port (against DNS rebinding); an
 *   `Origin` header, when a browser sends one, must be this server's own (against cross-site
 *   POSTs); a malformed request is answered 400.
 * - API: `POST /api/<operation>` with a JSON body (the operation's input); the answer is the
 *   reply envelope `{ok, value}` or `{ok: false, error}` (see `core/contract.ts`). The page
 *   names itself in `X-Qawl-Client` (letters, digits, `-`, `_`; `browser` when absent), which
 *   scopes undo and tags the change records of its writes.
 * - `GET /api/changes?since=N`: the change feed as Server-Sent Events (`change-stream.ts`),
 *   with the progress of long operations (`event: progress`).
 * - The operations run in the project's worker thread when `host` is given (`qawl serve`:
 *   `main/worker/table-proxy.ts`), so a long import never holds up this thread; or on this
 *   thread through `dispatch` when only `table` is given (tests).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { OperationTable, Reply } from "../../core/contract.ts";
import type { ChangesSince } from "../../core/change-feed.ts";
import type { JobProgress } from "../../core/jobs.ts";
import type { Access } from "../../core/team.ts";
import { dispatch } from "../ops/dispatch.ts";
import { ChangeStreams, type ChangeSource } from "./change-stream.ts";
import { SECURITY_HEADERS } from "../security/policy.ts";
import { mediaTypeOf, resolveStaticFile } from "../security/static-files.ts";

/** Largest accepted request body, in bytes (imports carry whole files, base64). */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

/** HTTP status for each reply error code. */
const STATUS_OF: Readonly<Record<string, number>> = {
  bad_input: 400,
  unknown_operation: 404,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  internal: 500,
};

/** Why a gate turns a request away: its status, a one-line message, and headers (a redirect). */
export interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

/**
 * Who may use a server and how they prove it: the token of a one-person server
 * (`tokenGate`), or a team server's accounts (main/team/gate.ts).
 */
export interface Gate {
  /** Answer a request of the gate's own (a sign-in page); resolves true when it answered. */
  route?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /** An API request's caller (its access on a team server, else null), or why it is refused. */
  api: (req: IncomingMessage) => Promise<{ access: Access | null } | Refusal>;
  /** A page load: allowed, with headers to add (a cookie), or refused. */
  page: (req: IncomingMessage, url: URL) => Promise<{ headers: Record<string, string> } | Refusal>;
}

/** A running server. */
export interface RunningServer {
  /** The page's URL with its token, e.g. `http://127.0.0.1:41234/?token=…`. */
  url: string;
  port: number;
  token: string;
  /** Stop listening and close open connections. */
  close: () => Promise<void>;
}

/** Where the operations run: the project's worker (`TableWorker` of `main/worker/table-proxy.ts`). */
export interface OperationHost {
  /** Run an operation for a client (by the person `access` names, on a team server), as `dispatch` would; never rejects. */
  call: (name: unknown, input: unknown, client: string, access?: Access | null) => Promise<Reply<unknown>>;
  /** Hear long operations' progress; returns stop hearing. */
  onProgress?: (listener: (progress: JobProgress) => void) => () => void;
}

/** The change log read through a host's `changesSince` operation. */
export function changesThrough(host: OperationHost): ChangeSource {
  return {
    changesSince: async (since, limit) => {
      const reply = await host.call("changesSince", { since, ...(limit !== undefined ? { limit } : {}) }, "server");
      if (!reply.ok) throw new Error(`changesSince: ${reply.error.message}`);
      return reply.value as ChangesSince;
    },
  };
}

/** How to serve. */
export interface ServeOptions {
  /** The operations on this thread (with `setClient`); ignored when `host` is given. */
  table?: OperationTable;
  /** The operations in a worker; its change log feeds `GET /api/changes` unless `changes` is given. */
  host?: OperationHost;
  /** Folder of the built renderer. */
  rendererRoot: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** The token (a project's kept one, see `durable.ts`); random when absent. */
  token?: string;
  /** The project's change log, for `GET /api/changes`; without it (and without `host`) that path answers 404. */
  changes?: ChangeSource;
  /** Told the client of each API call just before it runs (the table's `context.client`). */
  setClient?: (client: string) => void;
  /** Who may come in; the token gate over `token` when absent. */
  gate?: Gate;
  /** Address to listen on (default 127.0.0.1; a team server may listen further). */
  listen?: string;
  /** Host names a request's Host header may carry, with the port (default `127.0.0.1`, `localhost`). */
  hostNames?: readonly string[];
}

/** The client a request names in `X-Qawl-Client`, or `browser`. */
function clientOf(req: IncomingMessage): string {
  const named = req.headers["x-qawl-client"];
  return typeof named === "string" && /^[A-Za-z0-9_-]{1,64}$/u.test(named) ? named : "browser";
}

/** Whether a token given matches, in constant time (digests of equal length whatever was given). */
function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * Whether a request's `Origin` is this server's own: the same host and port as the request's
 * (already checked) `Host`, or, behind an HTTPS reverse proxy, `https://` and one of the names
 * people reach a team server by (`--host-name`). A page of another port on 127.0.0.1 is not.
 */
export function sameSite(origin: string, host: string, hostNames: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === "null") return false;
  if (parsed.protocol === "http:" && parsed.host === host) return true;
  return parsed.protocol === "https:" && hostNames.includes(parsed.hostname);
}

/** A cookie's value in a request, or undefined. */
export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

/** Answer with security headers and no caching (`extra` may add or override headers). */
export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": type, "Cache-Control": "no-store", ...extra });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, message: string): void {
  send(res, status, message + "\n", "text/plain; charset=utf-8");
}

/**
 * A request's body as UTF-8 text.
 * @throws Error when it is larger than the largest accepted body
 */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body larger than ${String(MAX_BODY_BYTES)} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The gate of a one-person server: the token in `X-Qawl-Token` for the API; for a page, the
 * `?token=` query (which sets an HttpOnly, SameSite=Strict cookie for the page's assets) or
 * that cookie, whose value is a key derived from the token that opens nothing else.
 * @param cookieName the cookie's name (per port)
 */
export function tokenGate(token: string, cookieName: () => string): Gate {
  // The cookie carries a value derived from the token, never the token: it opens the page's
  // files only, and the API refuses it (cookies are not scoped by port, so every server on
  // 127.0.0.1 the browser visits receives it).
  const pageKey = createHash("sha256").update(`qawl page files\u0000${token}`, "utf8").digest("base64url");
  return {
    api: (req) =>
      Promise.resolve(
        sameToken(req.headers["x-qawl-token"] as string | undefined, token)
          ? { access: null }
          : { status: 401, message: "missing or wrong X-Qawl-Token" },
      ),
    page: (req, url) => {
      const queryToken = url.searchParams.get("token") ?? undefined;
      const viaQuery = sameToken(queryToken, token);
      // A wrong token in the URL is refused even with a valid cookie: the page would load,
      // then fail every API call with the token it reads from its URL.
      const viaCookie = queryToken === undefined && sameToken(cookieValue(req, cookieName()), pageKey);
      if (!viaQuery && !viaCookie) {
        return Promise.resolve({ status: 401, message: "open the URL that qawl serve printed (it carries the token)" });
      }
      const headers: Record<string, string> = viaQuery
        ? { "Set-Cookie": `${cookieName()}=${pageKey}; HttpOnly; SameSite=Strict; Path=/` }
        : {};
      return Promise.resolve({ headers });
    },
  };
}

/**
 * Start serving.
 * @throws the listen error (e.g. EADDRINUSE) when the port is taken
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString("base64url");
  let port = options.port ?? 0;
  const { host: opsHost, table } = options;
  if (opsHost === undefined && table === undefined) throw new Error("startServer needs a table or a host");
  const source = options.changes ?? (opsHost !== undefined ? changesThrough(opsHost) : undefined);
  const streams = source === undefined ? null : new ChangeStreams(source);
  const stopProgress = opsHost?.onProgress?.((progress) => {
    streams?.progress(progress);
  });
  const cookieName = () => `qawl_token_${String(port)}`;
  const gate = options.gate ?? tokenGate(token, cookieName);
  const hostNames = options.hostNames ?? ["127.0.0.1", "localhost"];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? "";
    if (!hostNames.some((name) => host === `${name}:${String(port)}`)) {
      sendText(res, 421, `Host ${JSON.stringify(host)} is not served here`);
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? "/", `http://${host}`);
    } catch {
      sendText(res, 400, "malformed request target");
      return;
    }
    // A page of another site may not call the API (cross-site POST, DNS rebinding): a browser
    // names the page's origin in `Origin`; only this server's own is accepted.
    // (API calls only: a form posted from a page whose referrer policy is no-referrer, the
    // team server's sign-in, names its origin `null`.)
    const origin = req.headers.origin;
    if (url.pathname.startsWith("/api/") && origin !== undefined && !sameSite(origin, host, hostNames)) {
      sendText(res, 403, `Origin ${JSON.stringify(origin)} may not use this server`);
      return;
    }
    if (gate.route !== undefined && (await gate.route(req, res, url))) return;
    if (url.pathname.startsWith("/api/")) {
      const caller = await gate.api(req);
      if ("status" in caller) {
        sendText(res, caller.status, caller.message);
        return;
      }
      if (url.pathname === "/api/changes" && req.method === "GET") {
        if (streams === null) {
          sendText(res, 404, "this server has no change feed");
          return;
        }
        const since = url.searchParams.get("since");
        if (since !== null && !/^\d{1,15}$/u.test(since)) {
          sendText(res, 400, "since is a revision number");
          return;
        }
        streams.open(res, since === null ? null : Number(since), SECURITY_HEADERS);
        return;
      }
      if (req.method !== "POST") {
        sendText(res, 405, "use POST");
        return;
      }
      if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
        sendText(res, 415, "send application/json");
        return;
      }
      let input: unknown;
      try {
        input = JSON.parse(await readBody(req));
      } catch (e) {
        sendText(res, 400, `request body is not JSON: ${(e as Error).message}`);
        return;
      }
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice("/api/".length));
      } catch {
        sendText(res, 400, "the operation name is not valid percent-encoding");
        return;
      }
      let reply: Reply<unknown>;
      if (opsHost !== undefined) reply = await opsHost.call(name, input, clientOf(req), caller.access);
      else {
        options.setClient?.(clientOf(req));
        reply = await dispatch(table as OperationTable, name, input, caller.access);
      }
      const status = reply.ok ? 200 : (STATUS_OF[reply.error.code] ?? 400);
      send(res, status, JSON.stringify(reply), "application/json; charset=utf-8");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendText(res, 405, "use GET");
      return;
    }
    const allowed = await gate.page(req, url);
    if ("status" in allowed) {
      send(res, allowed.status, allowed.message + "\n", "text/plain; charset=utf-8", allowed.headers ?? {});
      return;
    }
    const file = resolveStaticFile(options.rendererRoot, url.pathname);
    if (file === null) {
      sendText(res, 404, "not found");
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      sendText(res, 404, "not found");
      return;
    }
    const extra: Record<string, string> = { ...allowed.headers };
    if (!file.endsWith(".html")) extra["Cache-Control"] = "private, max-age=3600";
    send(res, 200, req.method === "HEAD" ? Buffer.alloc(0) : body, mediaTypeOf(file), extra);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendText(res, 500, `internal error: ${(e as Error).message}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(port, options.listen ?? "127.0.0.1", () => {
      server.off("error", rejectListen);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${String(port)}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        stopProgress?.();
        streams?.close();
        server.closeAllConnections();
        server.close(() => {
          resolveClose();
        });
      }),
  };
}
