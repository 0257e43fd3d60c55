/**
 * A thread that writes one export: it gets the documents read from the project (a
 * snapshot, structured-cloned) and the format, runs the format's writer
 * (`main/export/write.ts`) and posts back the files and the loss report, or the refusal.
 * Started by `write-off-thread.ts`; it touches no project.
 */
import { parentPort, workerData } from "node:worker_threads";
import { QawlError } from "../../core/errors.ts";
import { writeFormat } from "../export/write.ts";
import type { WriterMessage, WriterStart } from "./write-off-thread.ts";

const port = parentPort;
if (port === null) throw new Error("format-writer runs in a worker thread");
const { format, input, variant } = workerData as WriterStart;
let message: WriterMessage;
try {
  message = { ok: true, written: await writeFormat(format, input, variant) };
} catch (e) {
  message =
    e instanceof QawlError
      ? { ok: false, code: e.code, message: e.message, detail: e.detail }
      : { ok: false, code: null, message: (e as Error).message, detail: null };
}
port.postMessage(message);
