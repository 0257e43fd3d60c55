/**
 * `qawl serve`'s push channel for the change feed: `GET /api/changes?since=N` answers with
 * Server-Sent Events (https://html.spec.whatwg.org/multipage/server-sent-events.html):
 * first `event: revision` with `{"revision", "reset"}`, then the records after `since`, each
 * `id: <revision>` / `event: change` / `data: <ChangeRecord JSON>`, then every later record as
 * it is committed — by this server, another server or the CLI on the same file, since the
 * records are read from the project's change log (polled every `intervalMs` while a stream
 * is open). A view that reconnects asks from the last revision it saw; `reset: true` says the
 * records it missed are gone and it must reload.
 *
 * Long operations' progress goes to every open stream as `event: progress` /
 * `data: <JobProgress JSON>` (`core/jobs.ts`, no `id`: progress is not replayed).
 */
import type { ServerResponse } from "node:http";
import type { ChangeRecord, ChangesSince } from "../../core/change-feed.ts";
import type { JobProgress } from "../../core/jobs.ts";

/**
 * Where the records come from: the project store on this thread, or the `changesSince`
 * operation of the project's worker (`changesThrough` in `server.ts`).
 */
export interface ChangeSource {
  changesSince: (revision: number, limit?: number) => ChangesSince | Promise<ChangesSince>;
}

/** One SSE event. */
function event(name: string, data: unknown, id?: number): string {
  return `${id === undefined ? "" : `id: ${String(id)}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The open event streams of a server and the poller that feeds them. */
export class ChangeStreams {
  readonly #source: ChangeSource;
  readonly #intervalMs: number;
  readonly #streams = new Set<ServerResponse>();
  /** The last revision sent to the streams; null until the log was first read. */
  #last: number | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #polling = false;

  /**
   * @param source the project's change log
   * @param intervalMs how often the log is read while a stream is open, in milliseconds
   */
  constructor(source: ChangeSource, intervalMs = 200) {
    this.#source = source;
    this.#intervalMs = intervalMs;
  }

  /**
   * Answer a stream request: headers, the current revision, the records after `since`
   * (when given), then every new record until the client goes away.
   * @param headers the response headers the server sends with every answer (security policy)
   */
  open(res: ServerResponse, since: number | null, headers: Record<string, string>): void {
    res.writeHead(200, {
      ...headers,
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
    });
    void this.#start(res, since).catch(() => {
      res.destroy();
    });
  }

  async #start(res: ServerResponse, since: number | null): Promise<void> {
    // The poller's place first, so that no record committed meanwhile is missed or sent twice.
    this.#last ??= (await this.#source.changesSince(Number.MAX_SAFE_INTEGER, 0)).revision;
    const caught = await this.#source.changesSince(since ?? Number.MAX_SAFE_INTEGER, since === null ? 0 : 500);
    if (res.destroyed) return;
    const upTo = this.#last;
    res.write(
      event("revision", { revision: since === null ? upTo : caught.revision, reset: since !== null && caught.reset }),
    );
    if (since !== null && !caught.reset) {
      for (const r of caught.records) if (r.revision <= upTo) res.write(event("change", r, r.revision));
    }
    this.#streams.add(res);
    res.on("close", () => {
      this.#streams.delete(res);
      if (this.#streams.size === 0) this.#stop();
    });
    this.#timer ??= setInterval(() => {
      void this.#poll();
    }, this.#intervalMs);
    this.#timer.unref();
  }

  /** Send every record committed since the last poll to every open stream. */
  async #poll(): Promise<void> {
    if (this.#polling || this.#last === null) return;
    this.#polling = true;
    try {
      let batch: ChangesSince;
      let last: number = this.#last;
      do {
        batch = await this.#source.changesSince(last);
        if (batch.reset) {
          for (const res of this.#streams) res.write(event("revision", { revision: batch.revision, reset: true }));
          this.#last = batch.revision;
          return;
        }
        for (const record of batch.records) this.#broadcast(record);
        last = batch.records[batch.records.length - 1]?.revision ?? last;
        this.#last = last;
      } while (batch.records.length > 0 && last < batch.revision);
    } catch {
      // The log could not be read (the project closing): the next poll tries again.
    } finally {
      this.#polling = false;
    }
  }

  #broadcast(record: ChangeRecord): void {
    const text = event("change", record, record.revision);
    for (const res of this.#streams) res.write(text);
  }

  /** Send a long operation's progress to every open stream. */
  progress(progress: JobProgress): void {
    const text = event("progress", progress);
    for (const res of this.#streams) res.write(text);
  }

  #stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** End every stream and the poller. */
  close(): void {
    this.#stop();
    for (const res of this.#streams) res.end();
    this.#streams.clear();
  }
}
