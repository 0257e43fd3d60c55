/**
 * The page's end of `qawl serve`'s change feed (`GET /api/changes`, Server-Sent Events; see
 * `main/serve/change-stream.ts`), read with `fetch` so the token travels in its header, not
 * the URL. Records made by this tab are skipped (the page already shows them); any other
 * record, or a reset, calls `onForeign`, at most once per 100 ms. A dropped stream (the
 * server restarted) is opened again after a second from the last revision seen.
 */
import type { ChangeRecord } from "../../core/change-feed.ts";
import type { JobProgress } from "../../core/jobs.ts";

/** Told every `event: progress` of the feed (long operations, `core/jobs.ts`). */
const progressListeners = new Set<(progress: JobProgress) => void>();

/** Hear the progress events of the followed feed (`renderer/state/jobs.ts`). */
export function onFeedProgress(listener: (progress: JobProgress) => void): void {
  progressListeners.add(listener);
}

/** This tab's client id: kept for the tab's life (reloads included), new in every other tab. */
export function tabClientId(): string {
  const key = "qawl-client";
  const known = sessionStorage.getItem(key);
  if (known !== null && /^[A-Za-z0-9_-]{1,64}$/u.test(known)) return known;
  const made = `tab-${crypto.randomUUID()}`;
  sessionStorage.setItem(key, made);
  return made;
}

/** One parsed SSE event. */
interface SseEvent {
  event: string;
  data: string;
}

/** Split an SSE text buffer into complete events and the unfinished rest. */
function parseEvents(buffer: string): { events: SseEvent[]; rest: string } {
  const blocks = buffer.split("\n\n");
  const rest = blocks.pop() ?? "";
  const events = blocks.map((block) => {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
    }
    return { event, data: data.join("\n") };
  });
  return { events, rest };
}

/**
 * Follow the feed for the page's lifetime.
 * @param credential the page's credential header (its token, or a team session's CSRF value)
 * @param client this tab's client id
 * @param onForeign called when another client (tab, CLI, server) changed the project
 */
export function followChanges(credential: Record<string, string>, client: string, onForeign: () => void): void {
  let last: number | null = null;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const notify = () => {
    clearTimeout(pending);
    pending = setTimeout(onForeign, 100);
  };
  const open = async (): Promise<void> => {
    const since = last === null ? "" : `?since=${String(last)}`;
    const res = await fetch(`/api/changes${since}`, { headers: { ...credential, "X-Qawl-Client": client } });
    if (!res.ok || res.body === null) throw new Error(`change feed: ${String(res.status)}`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const parsed = parseEvents(buffer + value);
      buffer = parsed.rest;
      for (const e of parsed.events) {
        if (e.event === "revision") {
          const { revision, reset } = JSON.parse(e.data) as { revision: number; reset: boolean };
          // Catching up after a drop: what was missed is either replayed next or gone (reset).
          if (reset) {
            notify();
            last = revision;
          }
          last ??= revision;
        } else if (e.event === "change") {
          const record = JSON.parse(e.data) as ChangeRecord;
          if (last !== null && record.revision <= last) continue;
          last = record.revision;
          if (record.client !== client) notify();
        } else if (e.event === "progress") {
          const progress = JSON.parse(e.data) as JobProgress;
          for (const listener of progressListeners) listener(progress);
        }
      }
    }
  };
  const run = (): void => {
    open()
      .catch(() => undefined)
      .finally(() => {
        setTimeout(run, 1000);
      });
  };
  run();
}
