/**
 * The CoNLL reader on import: each document of a CoNLL file (`conll.ts` reads the dialect,
 * tokens and tags) becomes a native document with its spans, and the file's dialect, tokens
 * and extra lines are kept as the document's origin so that an export gives the file back.
 * Middle tag columns whose tags are all QUOTE, SPEAKER or CUE are Qawl's own layers.
 */
import type { NativeDocument } from "../native-jsonl.ts";
import type { ConllOrigin } from "../origin.ts";
import { refuseFormat, type ImportFile, type ReadContext } from "../read-context.ts";
import { readConll, spansFromTags, type ConllFile } from "./conll.ts";

/**
 * Read a CoNLL file: one document per `-DOCSTART-` block (the file name as title, numbered
 * when there are several). Stray I- tags and an IOB1 file are named in the import report.
 * @throws QawlError naming the file and line of a malformed line
 */
export function readConllDocuments(ctx: ReadContext, file: ImportFile): NativeDocument[] {
  const { text: content } = ctx.text(file);
  let parsed: ConllFile;
  try {
    // The decoder removed a BOM; give it back to the reader, which records it in the dialect.
    const hadBom = file.bytes[0] === 0xef && file.bytes[1] === 0xbb && file.bytes[2] === 0xbf;
    parsed = readConll((hadBom ? "\uFEFF" : "") + content);
  } catch (e) {
    refuseFormat(file.name, e);
  }
  if (parsed.strayInside.length > 0) {
    ctx.note(
      `${file.name}: ${String(parsed.strayInside.length)} stray I- tags (an I- not after a tag of its type) read as span starts and written back as B-: lines ${parsed.strayInside.map((s) => String(s.line)).join(", ")}`,
    );
  }
  if (parsed.dialect.tagScheme === "IOB1")
    ctx.note(`${file.name}: tags read as IOB1 (I- opens spans; B- only after a span of the same type)`);
  return parsed.documents.map((d, index) => {
    const title = parsed.documents.length > 1 ? `${file.name} (${String(index + 1)})` : file.name;
    const doc = ctx.document({ title, text: d.text, source: file.name });
    const tokens = d.sentences.flat();
    const middle: Record<string, string[]> = {};
    tokens.forEach((t, i) => {
      if (t.middle.length > 0) middle[String(i)] = t.middle;
    });
    const origin: ConllOrigin = {
      format: "conll",
      file: file.name,
      index,
      dialect: parsed.dialect,
      tokens: tokens.map((t) => [t.start, t.end]),
      ...(Object.keys(middle).length > 0 ? { middle } : {}),
      extra_lines: d.extraLines.map((e) => [e.at, e.text]),
    };
    // Middle columns of IOB tags for quotes, speakers and cues are layers (Qawl's own export).
    const layerKinds: Record<string, "quote" | "speaker" | "cue"> = { QUOTE: "quote", SPEAKER: "speaker", CUE: "cue" };
    const columns = tokens[0]?.middle.length ?? 0;
    const layers: Record<string, "quote" | "speaker" | "cue"> = {};
    const layerSpans: { label: string; start: number; end: number }[] = [];
    for (let c = 0; c < columns; c++) {
      const types = new Set(
        tokens.map((t) => /^[BI]-(.+)$/u.exec(t.middle[c] ?? "")?.[1] ?? ((t.middle[c] ?? "") === "O" ? "O" : "?")),
      );
      types.delete("O");
      const kinds = [...types].map((type) => layerKinds[type]);
      if (types.size === 0 || kinds.some((k) => k === undefined) || new Set(kinds).size !== 1) continue;
      const kind = kinds[0];
      if (kind === undefined) continue;
      layers[String(c)] = kind;
      for (const line of d.sentences) {
        layerSpans.push(
          ...spansFromTags(
            line.map((t) => ({ start: t.start, end: t.end, tag: t.middle[c] ?? "O" })),
            parsed.dialect.tagScheme,
          ),
        );
      }
    }
    if (Object.keys(layers).length > 0) origin.layers = layers;
    doc.origin = origin;
    doc.spans = [...layerSpans, ...d.spans].map((s) => {
      ctx.label(s.label);
      return ctx.span(doc, s.label, [{ start: s.start, end: s.end }]);
    });
    return doc;
  });
}
