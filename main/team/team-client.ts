/**
 * A team project seen from the desktop app (ARCHITECTURE.md §12): the operations of a team
 * server (`qawl serve --team`) called over HTTP with a signed-in session, in the shape of
 * the project's worker (`call`, `run`, `onProgress`, `close`), so that Electron's IPC, menu
 * and change watcher use it as they use a local project; the renderer stays the local app
 * and the server is only its data source. Runs on Node (the main process), so the session
 * cookie never reaches a page.
 */
import type { OperationInput, OperationOutputs, Reply } from "../../core/contract.ts";
import type { JobProgress } from "../../core/jobs.ts";
import type { OperationName } from "../../core/operation-names.ts";
import { QawlError } from "../../core/errors.ts";
import type { AnyReply } from "../worker/protocol.ts";

/** A signed-in session on a team server. */
export class TeamClient {
  /** The server, e.g. `https://desk.example.org`. */
  readonly path: string;
  readonly #cookie: string;
  readonly #csrf: string;

  private constructor(base: string, cookie: string, csrf: string) {
    this.path = base;
    this.#cookie = cookie;
    this.#csrf = csrf;
  }

  /**
   * Sign in.
   * @param url the team server's address (its page, e.g. `http://127.0.0.1:8080/`)
   * @throws QawlError (`bad_input`) when the server cannot be reached or refuses the name or password
   */
  static async signIn(url: string, name: string, password: string): Promise<TeamClient> {
    const base = new URL("/", url).toString().replace(/\/$/u, "");
    let res: Response;
    try {
      res = await fetch(`${base}/login`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ name, password }),
        redirect: "manual",
      });
    } catch (e) {
      throw new QawlError("bad_input", `${base}: the team server is not answering (${(e as Error).message})`);
    }
    const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
    const session = cookies.find((c) => c.startsWith("qawl_session="));
    const csrf = cookies.find((c) => c.startsWith("qawl_csrf="))?.slice("qawl_csrf=".length);
    if (res.status !== 303 || session === undefined || csrf === undefined) {
      throw new QawlError("bad_input", `${base}: wrong name or password for ${name}`);
    }
    return new TeamClient(base, cookies.join("; "), csrf);
  }

  /**
   * Run an operation on the server, as the project's worker would.
   * @returns the server's reply envelope; never rejects (an unreachable server answers `internal` with `host.unreachable`)
   */
  async call(name: unknown, input: unknown, client: string): Promise<AnyReply> {
    try {
      const res = await fetch(`${this.path}/api/${String(name)}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Cookie: this.#cookie,
          "X-Qawl-Csrf": this.#csrf,
          "X-Qawl-Client": client,
        },
        body: JSON.stringify(input),
      });
      if (!(res.headers.get("content-type") ?? "").startsWith("application/json")) {
        return { ok: false, error: { code: "internal", message: `${String(name)}: ${(await res.text()).trim()}` } };
      }
      return (await res.json()) as AnyReply;
    } catch {
      return {
        ok: false,
        error: {
          code: "internal",
          message: `${String(name)}: the team server is not answering`,
          detail: { kind: "host.unreachable" },
        },
      };
    }
  }

  /** `call` with a typed input and output. */
  async run<K extends OperationName>(
    name: K,
    input: OperationInput<K>,
    client: string,
  ): Promise<Reply<OperationOutputs[K]>> {
    return (await this.call(name, input, client)) as Reply<OperationOutputs[K]>;
  }

  /**
   * Long operations' progress: the server's feed carries it to pages, not yet to the
   * desktop window, so `listener` is never called.
   */
  onProgress(_listener: (progress: JobProgress) => void): () => void {
    return () => undefined;
  }

  /** Sign out. */
  async close(): Promise<void> {
    await fetch(`${this.path}/logout`, {
      method: "POST",
      headers: { Cookie: this.#cookie, "X-Qawl-Csrf": this.#csrf },
    }).catch(() => undefined);
  }
}
