/**
 * "The API" the page talks to: the operation table over whichever transport hosts the
 * page — Electron IPC (through the preload's `window.qawl`) or `qawl serve`'s HTTP
 * endpoint. Components never see a transport. Offsets are code points.
 */
import type { Api, ChangeView, HistoryState, OperationInput, OperationOutputs, Reply } from "../../core/contract.ts";
import type { ErrorDetail } from "../../core/errors.ts";
import { OPERATION_NAMES, type OperationName } from "../../core/operation-names.ts";
import "./bridge.ts";
import { followChanges, tabClientId } from "./change-stream.ts";
import { jsonBody } from "./json-body.ts";

/** A refusal from the operation table, with its one-line English message and, when it has one, its data. */
export class ApiError extends Error {
  readonly code: string;
  readonly detail: ErrorDetail | null;
  constructor(code: string, message: string, detail: ErrorDetail | null = null) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.detail = detail;
  }
}

/** Told of the records a write committed and this client's undo state, before the call resolves. */
export type EffectsListener = (changes: ChangeView[], history: HistoryState | undefined) => void;

/** The listeners of one connection's replies. */
class Effects {
  readonly #listeners: EffectsListener[] = [];
  add(listener: EffectsListener): void {
    this.#listeners.push(listener);
  }
  /** The reply's value, after its records went to the listeners; a refusal throws. */
  unwrap<T>(reply: Reply<T>): T {
    if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message, reply.error.detail ?? null);
    if (reply.changes !== undefined || reply.history !== undefined)
      for (const l of this.#listeners) l(reply.changes ?? [], reply.history);
    return reply.value;
  }
}

/**
 * The `qawl serve` transport: `POST /api/<name>` with the page's credential (`X-Qawl-Token`,
 * or a team server's `X-Qawl-Csrf`) and this tab's client id.
 */
function httpCall(credential: Record<string, string>, client: string, effects: Effects) {
  return async <K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationOutputs[K]> => {
    let res: Response;
    // Written in slices: an import's body of thousands of files does not hold the page up.
    const body = await jsonBody(input);
    try {
      res = await fetch(`/api/${name}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...credential, "X-Qawl-Client": client },
        body,
      });
    } catch {
      // fetch rejects only when no answer came: the server is down or unreachable.
      throw new ApiError("transport", `${name}: qawl serve is not answering`, { kind: "host.unreachable" });
    }
    const type = res.headers.get("Content-Type") ?? "";
    if (!type.startsWith("application/json"))
      throw new ApiError("transport", `${name}: ${String(res.status)} ${await res.text()}`);
    return effects.unwrap((await res.json()) as Reply<OperationOutputs[K]>);
  };
}

/** Connected API plus a way to hear about changes made outside the page. */
export interface Connection {
  api: Api;
  /**
   * Register a listener for project changes made outside this page: Electron's menu, the
   * CLI, another tab or server on the same project (through the change feed).
   */
  onProjectChanged: (listener: () => void) => void;
  /** Register a listener for the records and undo state every write's reply carries. */
  onEffects: (listener: EffectsListener) => void;
}

/**
 * What the page proves itself with: `qawl serve`'s token from its URL, or, on a team server
 * (`qawl serve --team`), the CSRF value of the signed-in session, which the server put in a
 * cookie scripts may read (the session itself is in an HttpOnly cookie).
 * @throws ApiError when the page has neither
 */
function pageCredential(): Record<string, string> {
  const token = new URLSearchParams(location.search).get("token");
  if (token !== null) return { "X-Qawl-Token": token };
  const csrf = /(?:^|;\s*)qawl_csrf=([^;]+)/u.exec(document.cookie)?.[1];
  if (csrf !== undefined) return { "X-Qawl-Csrf": csrf };
  throw new ApiError("transport", "open the URL that qawl serve printed: it carries the access token");
}

/**
 * Connect to the host that served this page.
 * @throws ApiError when the page was opened without `qawl serve`'s token and outside Electron
 */
export function connect(): Connection {
  const effects = new Effects();
  const onEffects = (listener: EffectsListener) => {
    effects.add(listener);
  };
  const bridge = window.qawl;
  if (bridge !== undefined) {
    const api = Object.fromEntries(
      OPERATION_NAMES.map((name) => [
        name,
        async (input: never) => effects.unwrap(await (bridge[name] as (i: never) => Promise<Reply<unknown>>)(input)),
      ]),
    ) as unknown as Api;
    return {
      api,
      onProjectChanged: (l) => {
        bridge.onProjectChanged(l);
      },
      onEffects,
    };
  }
  const credential = pageCredential();
  const client = tabClientId();
  const call = httpCall(credential, client, effects);
  const api = Object.fromEntries(
    OPERATION_NAMES.map((name) => [name, (input: never) => call(name, input)]),
  ) as unknown as Api;
  return {
    api,
    onProjectChanged: (listener) => {
      followChanges(credential, client, listener);
    },
    onEffects,
  };
}

/**
 * Sign out of a team server (its `POST /logout`, with the session's CSRF value), then show
 * its sign-in page.
 */
export async function signOut(): Promise<void> {
  await fetch("/logout", { method: "POST", headers: pageCredential() }).catch(() => undefined);
  location.assign("/login");
}
