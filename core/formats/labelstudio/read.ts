/**
 * The Label Studio reader on import: each task of a Label Studio JSON export
 * (`labelstudio.ts`) becomes a document with its regions as spans (a quote's `type` from its
 * choice, a note from its text area) and its relations.
 */
import { readArticleMetadata } from "../../article/metadata.ts";
import type { NativeDocument } from "../native-jsonl.ts";
import { refuseFormat, type ImportFile, type ReadContext } from "../read-context.ts";
import { readLabelStudio } from "./labelstudio.ts";

/**
 * Read a Label Studio file: a document per task, titled by its `title`, its opening line or
 * its number. Offsets an older Label Studio wrote in UTF-16 units are converted, and said so.
 * @throws QawlError naming the file and the problem of a malformed task
 */
export function readLabelStudioDocuments(ctx: ReadContext, file: ImportFile): NativeDocument[] {
  let parsed;
  try {
    parsed = readLabelStudio(ctx.text(file).text);
  } catch (e) {
    refuseFormat(file.name, e);
  }
  if (parsed.some((t) => t.convertedFromUtf16)) {
    ctx.note(
      `${file.name}: region offsets were UTF-16 units (an older Label Studio) and were converted to code points`,
    );
  }
  return parsed.map((t, k) => {
    const doc = ctx.document({
      title: t.title ?? (readArticleMetadata(t.text).title || `${file.name} task ${String(k + 1)}`),
      text: t.text,
      source: file.name,
    });
    const idOf = new Map<string, number>();
    doc.spans = t.spans.map((s) => {
      ctx.label(s.label);
      const made = ctx.span(doc, s.label, [{ start: s.start, end: s.end }]);
      if (s.type !== undefined) made.attributes = { type: s.type };
      if (s.note !== undefined) made.note = s.note;
      idOf.set(s.id, made.id);
      return made;
    });
    doc.relations = ctx.relations(t.relations, idOf);
    return doc;
  });
}
