/**
 * spaCy-ready JSONL (layout in docs/formats.md): one document a line,
 * `{"text", "ents": [[start, end, "LABEL"], …], "spans": {"sc": [[start, end, "LABEL"], …]}}`
 * — `ents` the flat, non-overlapping names (as `Doc.ents` requires), `spans["sc"]` every span
 * (a span group). Offsets count code points, which is what `Doc.char_span` takes; a span
 * that does not fall on spaCy's token boundaries makes `char_span` return None. No maintained
 * npm package writes the binary `.spacy` DocBin, so it is not offered.
 */
import { LossCollector, kindOf, type ExportInput, type Written } from "./export-types.ts";
import type { Loss } from "./loss.ts";

/** Write a project as spaCy-ready JSONL. */
export function writeSpacy(input: ExportInput): Written {
  const kind = kindOf(input.header);
  const losses = new LossCollector("spacy", [
    'offsets count code points; load with doc.char_span(start, end, label) (alignment_mode="expand" if your tokenizer splits differently); ents are the non-overlapping names, spans["sc"] holds every span',
  ]);
  const lines = input.documents.map((doc) => {
    const all = doc.spans.flatMap((s) => (s.fragments ?? [s]).map((f) => [f.start, f.end, s.label] as const));
    const names = doc.spans
      .filter((s) => kind(s.label) === "entity" && s.fragments === undefined)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const ents: (readonly [number, number, string])[] = [];
    let end = -1;
    let skipped = 0;
    for (const s of names) {
      if (s.start < end) skipped++;
      else {
        ents.push([s.start, s.end, s.label]);
        end = s.end;
      }
    }
    const lost: Loss[] = [];
    if (skipped > 0) lost.push({ kind: "overlapping_names", count: skipped, where: "ents" });
    if (doc.relations.length > 0) lost.push({ kind: "relations", count: doc.relations.length, why: null });
    const linked = doc.spans.filter((s) => s.entity !== undefined).length;
    if (linked > 0) lost.push({ kind: "entity_links", count: linked, why: null });
    const attributed = doc.spans.filter((s) => Object.keys(s.attributes).length > 0).length;
    if (attributed > 0) lost.push({ kind: "attributes", count: attributed, example: false });
    const split = doc.spans.filter((s) => s.fragments !== undefined).length;
    if (split > 0) lost.push({ kind: "fragments", count: split, what: "quote", as: "spans" });
    losses.add(doc, ...lost);
    return JSON.stringify({ text: doc.text, ents, spans: { sc: all } });
  });
  return {
    files: [{ path: "spacy.jsonl", mediaType: "application/x-ndjson", content: lines.join("\n") + "\n" }],
    report: losses.report(),
  };
}
