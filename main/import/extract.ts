/**
 * DOCX and PDF text for the synchronous import: the extractors (mammoth, pdf.js) only work
 * asynchronously, and `importDocuments` reads every file before storing any, in one
 * synchronous call. A worker thread runs the extractors; this thread waits on a flag in
 * shared memory (`Atomics.wait`) and takes the answer off a message port. One worker serves
 * a whole batch and is ended with it.
 */
import { MessageChannel, Worker, receiveMessageOnPort } from "node:worker_threads";
import type { ExtractAnswer, ExtractKind } from "./extractors.ts";

export type { ExtractAnswer, ExtractKind };

/** How long one file may take, in milliseconds, before the import gives up on it. */
const TIMEOUT_MS = 120_000;

/**
 * Wait until `flag[0]` is no longer 0, at most `ms` milliseconds: `Atomics.wait`, or where the
 * thread may not block that way (an embedder that forbids it) a loop reading the flag.
 * @returns whether the flag was set in time
 */
function waitFor(flag: Int32Array, ms: number): boolean {
  try {
    return Atomics.wait(flag, 0, 0, ms) !== "timed-out";
  } catch {
    const until = Date.now() + ms;
    while (Atomics.load(flag, 0) === 0) if (Date.now() > until) return false;
    return true;
  }
}

/** A worker extracting files one at a time, synchronously for the caller. */
export class SyncExtractor {
  #worker: Worker | null = null;

  /**
   * Extract a file's text.
   * @param kind `docx` or `pdf`
   * @param name the file's name (for messages)
   * @param bytes the file
   * @returns the extractor's answer; `unreadable` when it failed or took over two minutes
   */
  extract(kind: ExtractKind, name: string, bytes: Uint8Array): ExtractAnswer {
    // The worker is this folder's `extract-worker` in the running flavour (.ts from source, .js built).
    const ext = import.meta.url.endsWith(".ts") ? "ts" : "js";
    if (this.#worker === null) {
      const worker = new Worker(new URL(`./extract-worker.${ext}`, import.meta.url));
      // A worker that failed is let go (the next file starts another), never thrown into the
      // thread that runs the import.
      worker.on("error", () => {
        if (this.#worker === worker) this.#worker = null;
      });
      worker.unref();
      this.#worker = worker;
    }
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    try {
      const copy = new Uint8Array(bytes);
      this.#worker.postMessage({ kind, name, bytes: copy, port: port2, flag }, [port2, copy.buffer]);
      const done = waitFor(flag, TIMEOUT_MS);
      const message = receiveMessageOnPort(port1);
      if (!done || message === undefined) {
        this.close();
        return { ok: false, reason: "unreadable", detail: "the extractor did not finish" };
      }
      return message.message as ExtractAnswer;
    } finally {
      port1.close();
    }
  }

  /** End the worker (a later `extract` starts another). */
  close(): void {
    void this.#worker?.terminate();
    this.#worker = null;
  }
}
