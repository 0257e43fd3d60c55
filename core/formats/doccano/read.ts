/**
 * The doccano reader on import: each line of a doccano JSONL file (`doccano.ts` reads both
 * layouts) becomes a document with its spans and relations.
 */
import { readArticleMetadata } from "../../article/metadata.ts";
import type { NativeDocument } from "../native-jsonl.ts";
import { refuseFormat, type ImportFile, type ReadContext } from "../read-context.ts";
import { readDoccano } from "./doccano.ts";

/**
 * Read a doccano file: a document per line, titled from its opening line or by its line number.
 * @throws QawlError naming the file and line of a malformed line
 */
export function readDoccanoDocuments(ctx: ReadContext, file: ImportFile): NativeDocument[] {
  let parsed;
  try {
    parsed = readDoccano(ctx.text(file).text);
  } catch (e) {
    refuseFormat(file.name, e);
  }
  return parsed.map((d) => {
    const doc = ctx.document({
      title: readArticleMetadata(d.text).title || `${file.name} line ${String(d.line)}`,
      text: d.text,
      source: file.name,
    });
    const idOf = new Map<number, number>();
    doc.spans = d.spans.map((s) => {
      ctx.label(s.label);
      const made = ctx.span(doc, s.label, [{ start: s.start, end: s.end }]);
      idOf.set(s.id, made.id);
      return made;
    });
    doc.relations = ctx.relations(d.relations, idOf);
    return doc;
  });
}
