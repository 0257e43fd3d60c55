/**
 * The brat reader on import: a `.txt` and its `.ann` (either named, the other found in the
 * batch) become one document; normalizations become entities (a Wikidata one by its id),
 * AnnotatorNotes notes, attributes span attributes, relations relations.
 */
import { readArticleMetadata } from "../../article/metadata.ts";
import { QawlError } from "../../errors.ts";
import type { NativeDocument } from "../native-jsonl.ts";
import { refuseFormat, type ImportFile, type ReadContext } from "../read-context.ts";
import { readBratAnn } from "./brat.ts";

/**
 * Read the brat pair a file belongs to (its `.txt` and `.ann`, both claimed).
 * @throws QawlError `bad_input` when the pair's other file is not in the batch, or naming the
 *   `.ann`'s line of a malformed annotation
 */
export function readBratDocuments(ctx: ReadContext, file: ImportFile): NativeDocument[] {
  const base = file.name.replace(/\.(ann|txt)$/iu, "");
  const txt = ctx.files.find((f) => f.name === `${base}.txt`);
  const ann = ctx.files.find((f) => f.name === `${base}.ann`);
  if (txt === undefined || ann === undefined) {
    throw new QawlError(
      "bad_input",
      `${file.name}: brat standoff needs both ${base}.txt and ${base}.ann; nothing imported`,
      {
        kind: "import.file",
        file: file.name,
        files: 1,
        reason: "brat_pair",
        base,
      },
    );
  }
  ctx.claim(txt);
  ctx.claim(ann);
  const { text, hadBom } = ctx.text(txt);
  let parsed;
  try {
    parsed = readBratAnn(ctx.text(ann, { blank: true }).text, text);
  } catch (e) {
    refuseFormat(ann.name, e);
  }
  const meta = readArticleMetadata(text);
  const doc = ctx.document({ title: meta.title, text, source: txt.name, hadBom, published: meta.published });
  const idOf = new Map<string, number>();
  doc.spans = parsed.spans.map((s) => {
    ctx.label(s.label);
    const made = ctx.span(doc, s.label, s.fragments);
    made.attributes = s.attributes;
    if (s.note !== undefined) made.note = s.note;
    if (s.reference !== undefined) {
      const kb = s.reference.db.toLowerCase() === "wikidata" ? s.reference.id : null;
      let entity = ctx.entities.find((e) => (kb !== null && e.kb_id === kb) || e.name === s.reference?.name);
      if (entity === undefined) {
        entity = { id: ctx.nextId(), name: s.reference.name || s.text, type: s.label, aliases: [], kb_id: kb };
        ctx.entities.push(entity);
      }
      made.entity = entity.id;
    }
    idOf.set(s.id, made.id);
    return made;
  });
  doc.relations = ctx.relations(parsed.relations, idOf);
  return [doc];
}
