/**
 * A `qawl serve` URL that survives restarts: each project's token (and the port it was last
 * served on) is kept in the user's data directory, in `serve-tokens.json` (see
 * `serveTokensPath` in `main/paths.ts`), never in the project file, which is shared with
 * others. Restarting `qawl serve` on the same project prints the same URL, so open tabs and
 * bookmarks keep working; `--new-token` rotates the token (old URLs then get 401).
 *
 * The file (mode 0600, in a 0700 folder, replaced atomically by rename):
 * `{"version": 1, "projects": {"<absolute project path>": {"token": "<43 base64url chars>", "port": 41234}}}`.
 * A file that cannot be read or parsed counts as empty (a new token is made and the file rewritten).
 */
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { serveTokensPath } from "../paths.ts";
import { startServer, type RunningServer, type ServeOptions } from "./server.ts";

/** What is kept for one project. */
export interface ServeCredentials {
  /** 256 random bits, base64url (43 characters). */
  token: string;
  /** The TCP port the project was last served on, or null before its first serve. */
  port: number | null;
}

/** The file's shape (version 1). */
interface TokensFile {
  version: 1;
  projects: Record<string, ServeCredentials>;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/u;

/** A fresh token: `crypto.randomBytes(32)` as base64url. */
export function newServeToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The key of a project in the file: its absolute path, symbolic links resolved when it exists. */
export function projectKey(projectPath: string): string {
  try {
    return realpathSync(projectPath);
  } catch {
    return resolve(projectPath);
  }
}

function readTokens(file: string): TokensFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return { version: 1, projects: {} };
  }
  const projects: Record<string, ServeCredentials> = {};
  const stored =
    typeof parsed === "object" && parsed !== null && "projects" in parsed ? (parsed as TokensFile).projects : null;
  if (typeof stored === "object" && stored !== null) {
    for (const [path, entry] of Object.entries(stored as Record<string, unknown>)) {
      if (typeof entry !== "object" || entry === null) continue;
      const { token, port } = entry as Partial<ServeCredentials>;
      if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) continue;
      const validPort = typeof port === "number" && Number.isInteger(port) && port > 0 && port < 65536;
      projects[path] = { token, port: validPort ? port : null };
    }
  }
  return { version: 1, projects };
}

/** Write the file atomically: a private temporary file next to it, flushed, then renamed over it. */
function writeTokens(file: string, tokens: TokensFile): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${String(process.pid)}.${randomBytes(6).toString("hex")}.tmp`;
  const fd = openSync(temp, "wx", 0o600);
  try {
    writeSync(fd, JSON.stringify(tokens, null, 2) + "\n");
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/**
 * The project's token and last port, made (and kept) on first use.
 * @param projectPath the project file (made absolute here)
 * @param options `rotate`: replace the token with a new one; `file`: the tokens file (default `serveTokensPath()`)
 * @throws the file system's error when the tokens file cannot be written
 */
export function serveCredentials(
  projectPath: string,
  options: { rotate?: boolean; file?: string } = {},
): ServeCredentials {
  const file = options.file ?? serveTokensPath();
  const key = projectKey(projectPath);
  const tokens = readTokens(file);
  const known = tokens.projects[key];
  if (known !== undefined && options.rotate !== true) return known;
  const fresh: ServeCredentials = { token: newServeToken(), port: known?.port ?? null };
  tokens.projects[key] = fresh;
  writeTokens(file, tokens);
  return fresh;
}

/**
 * Keep the port a project is served on, so the next start offers the same URL.
 * @throws the file system's error when the tokens file cannot be written
 */
export function rememberServePort(projectPath: string, token: string, port: number, file = serveTokensPath()): void {
  const key = projectKey(projectPath);
  const tokens = readTokens(file);
  const known = tokens.projects[key];
  if (known?.token === token && known.port === port) return;
  tokens.projects[key] = { token, port };
  writeTokens(file, tokens);
}

/** How to serve a project with its kept token. */
export interface ProjectServeOptions extends Omit<ServeOptions, "token" | "port"> {
  /** The project file: the key of its token. */
  projectPath: string;
  /** A port asked for on the command line; absent: the project's last port, else a free one. */
  port?: number;
  /** Make a new token (the old URLs stop working). */
  newToken?: boolean;
  /** The tokens file (default `serveTokensPath()`). */
  tokensFile?: string;
}

/**
 * Start serving a project on its kept token, on the port asked for, else on the port it was
 * last served on (a free one when that is taken, with a note saying so).
 * @returns the running server and notes for the user (English, one line each)
 * @throws the listen error for a port asked for that is taken; the file system's error for the tokens file
 */
export async function startProjectServer(
  options: ProjectServeOptions,
): Promise<{ server: RunningServer; notes: string[] }> {
  const { projectPath, newToken, tokensFile, port: asked, ...serve } = options;
  const file = tokensFile ?? serveTokensPath();
  const credentials = serveCredentials(projectPath, { rotate: newToken === true, file });
  const notes: string[] = [];
  if (newToken === true) notes.push("made a new token: URLs printed before no longer work");
  let server: RunningServer;
  const last = credentials.port;
  // A stand-in port (the kept one was taken, e.g. by a second server on the project) is not
  // kept: the next start offers the project's own URL again, which open tabs still hold.
  let keep = true;
  if (asked === undefined && last !== null) {
    try {
      server = await startServer({ ...serve, token: credentials.token, port: last });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
      server = await startServer({ ...serve, token: credentials.token, port: 0 });
      keep = false;
      notes.push(
        `port ${String(last)} is taken, so this URL has a new port for this run: tabs open on the old one need the new URL (the next start tries port ${String(last)} again)`,
      );
    }
  } else {
    server = await startServer({ ...serve, token: credentials.token, port: asked ?? 0 });
  }
  if (keep) rememberServePort(projectPath, credentials.token, server.port, file);
  return { server, notes };
}
