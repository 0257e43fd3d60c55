/**
 * The worker thread behind `extract.ts`: runs the asynchronous extractors (mammoth for
 * DOCX, pdf.js for PDF) for a caller that waits synchronously. Each message is an
 * `ExtractRequest`; the answer (`ExtractAnswer`) is posted on the request's port, then the
 * request's flag (an Int32 in shared memory) is set to 1 and notified.
 */
import { parentPort, type MessagePort } from "node:worker_threads";
import { extractDocx, extractPdf, type ExtractAnswer, type ExtractKind } from "./extractors.ts";

/** One extraction asked of the worker. */
export interface ExtractRequest {
  kind: ExtractKind;
  name: string;
  bytes: Uint8Array;
  port: MessagePort;
  flag: Int32Array;
}

// pdf.js leaves promises of its own rejected after a broken file has already been answered
// as unreadable (`XRefEntryException` from a mutated cross-reference table): by default such
// a rejection would end this thread, and the import would wait on it for two minutes.
process.on("unhandledRejection", () => undefined);

parentPort?.on("message", (request: ExtractRequest) => {
  const run = request.kind === "docx" ? extractDocx : extractPdf;
  void run(request.name, request.bytes)
    .catch((e: unknown): ExtractAnswer => ({ ok: false, reason: "unreadable", detail: (e as Error).message }))
    .then((answer) => {
      request.port.postMessage(answer);
      Atomics.store(request.flag, 0, 1);
      Atomics.notify(request.flag, 0);
    });
});
