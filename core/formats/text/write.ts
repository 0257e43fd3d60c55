/** The plain-text writer: each document's text exactly, its BOM given back when the imported file had one. */
import { LossCollector, documentFileName, type ExportInput, type Written } from "../export-types.ts";

/** Write each document's text as `<id>-<name>.txt`; its spans are named in the loss report. */
export function writeText(input: ExportInput): Written {
  const losses = new LossCollector("text", [
    "the text of each document exactly as imported (a BOM restored when the file had one)",
  ]);
  const files = input.documents.map((doc) => {
    losses.add(doc, ...(doc.spans.length > 0 ? [{ kind: "plain_text", count: doc.spans.length } as const] : []));
    return {
      path: `${documentFileName(doc)}.txt`,
      mediaType: "text/plain",
      content: (doc.had_bom ? "\uFEFF" : "") + doc.text,
    };
  });
  return { files, report: losses.report() };
}
