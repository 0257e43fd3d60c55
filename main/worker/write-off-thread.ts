/**
 * An export's writing on a thread of its own (`format-writer.ts`), so the table's thread
 * answers other operations (a label, a cancel) while thousands of documents are written;
 * and so a cancel stops it at once: the thread is terminated and nothing is returned.
 */
import { Worker } from "node:worker_threads";
import type { ExportInput, Written } from "../../core/formats/export-types.ts";
import type { ExportFormat, ExportVariant } from "../../core/formats/registry.ts";
import { QawlError, type ErrorDetail, type QawlErrorCode } from "../../core/errors.ts";
import type { FormatWriter } from "../ops/export.ts";

/** What the writing thread is started with. */
export interface WriterStart {
  format: ExportFormat;
  input: ExportInput;
  variant: ExportVariant | undefined;
}

/** What it posts back: the files and report, or the writer's refusal (`code` null: a failure, not a refusal). */
export type WriterMessage =
  | { ok: true; written: Written }
  | { ok: false; code: QawlErrorCode | null; message: string; detail: ErrorDetail | null };

/**
 * A format writer that runs each export on a new thread.
 * @param signal aborting it terminates a writing thread and rejects with `job.cancelled`
 * @returns a `FormatWriter`; its promise rejects with the writer's `QawlError`, or an
 *   `Error` when the writer failed or the thread died
 */
export function writeOffThread(signal: AbortSignal): FormatWriter {
  return (format, input, variant) =>
    new Promise<Written>((resolve, reject) => {
      const cancelled = () =>
        new QawlError("conflict", "export cancelled; nothing was written", {
          kind: "job.cancelled",
          operation: "exportDocuments",
        });
      if (signal.aborted) {
        reject(cancelled());
        return;
      }
      const ext = import.meta.url.endsWith(".ts") ? "ts" : "js";
      const start: WriterStart = { format, input, variant };
      const worker = new Worker(new URL(`./format-writer.${ext}`, import.meta.url), { workerData: start });
      const onAbort = () => {
        void worker.terminate();
        reject(cancelled());
      };
      signal.addEventListener("abort", onAbort, { once: true });
      const done = () => {
        signal.removeEventListener("abort", onAbort);
      };
      worker.once("message", (message: WriterMessage) => {
        done();
        if (message.ok) resolve(message.written);
        else
          reject(
            message.code === null
              ? new Error(message.message)
              : new QawlError(message.code, message.message, message.detail),
          );
      });
      worker.once("error", (e: Error) => {
        done();
        reject(new Error(`export: the writing thread failed: ${e.message}`));
      });
    });
}
