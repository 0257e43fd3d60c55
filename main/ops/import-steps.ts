/**
 * `importDocuments` as steps (see `steps.ts`): every file is read first, one a step, then
 * everything read is stored in one transaction, so a refusal or a cancel anywhere writes
 * nothing. Steps: `read` (`done` of `total` files), `index` (each document read folded for
 * the search index ahead of the write, `core/text/normalize.ts`), then `write` (the documents
 * read, in one transaction).
 */
import type { ImportReport, OperationInput } from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import { forgetPrepared, prepareFolded } from "../../core/text/normalize.ts";
import { isUnreadableType, readImportSteps, type ReadResult } from "../import/read-files.ts";
import type { Ops } from "./context.ts";
import { ingest } from "./ingest.ts";
import type { Steps } from "./steps.ts";

/**
 * Import files, a file a step.
 * @returns the import report (an outcome per document, the reader's notes)
 * @throws QawlError naming the file that was refused ("none of the N files was imported" for a batch)
 */
export function* importSteps(
  ops: Ops,
  { files, format, encoding }: OperationInput<"importDocuments">,
): Steps<ImportReport> {
  const inputs = files.map((f) => ({ name: f.name, bytes: Buffer.from(f.contentBase64, "base64") }));
  // A folder's files of other types are skipped by the reader: a refusal counts only the files it reads.
  const counted =
    (format ?? "auto") === "auto" && inputs.length > 1
      ? inputs.filter((f) => !isUnreadableType(f)).length
      : inputs.length;
  const refusal = (e: unknown): unknown => {
    if (!(e instanceof QawlError) || counted <= 1) return e;
    const message = e.message.replace(/; nothing imported$/u, "");
    const detail = e.detail?.kind === "import.file" ? { ...e.detail, files: counted } : e.detail;
    return new QawlError(e.code, `${message}; none of the ${String(counted)} files was imported`, detail);
  };
  const reading = readImportSteps(inputs, format ?? "auto", {
    annotator: ops.annotator,
    now: ops.now(),
    ...(encoding !== undefined ? { encoding } : {}),
  });
  let read: ReadResult;
  try {
    for (;;) {
      let next;
      try {
        next = reading.next();
      } catch (e) {
        throw refusal(e);
      }
      if (next.done === true) {
        read = next.value;
        break;
      }
      yield { phase: "read", ...next.value };
    }
  } finally {
    // Stopped early (cancelled): let the reader end its extractor.
    reading.return(undefined as never);
  }
  const texts = read.documents.map((d) => d.text);
  try {
    for (const [i, text] of texts.entries()) {
      prepareFolded(text);
      yield { phase: "index", done: i + 1, total: texts.length };
    }
    yield { phase: "write", done: 0, total: read.documents.length };
    try {
      return ops.store.transaction(() => ({ outcomes: ingest(ops, read), notes: read.notes }));
    } catch (e) {
      throw refusal(e);
    }
  } finally {
    // What the write did not take (duplicates, a refusal, a cancel) is dropped.
    forgetPrepared(texts);
  }
}
