/**
 * HuggingFace token classification (the layout of the `conll2003` dataset card): one
 * sentence a line, `{"id", "document", "tokens": […], "ner_tags": […]}` with `ner_tags`
 * indexes into the label list (`O`, `B-LABEL`, `I-LABEL`, … — a `ClassLabel`), which is
 * written beside it as `label_names.json`. Names only (the NER layer); tokens and sentences
 * as in the CoNLL export.
 */
import { OffsetIndex } from "../text/offsets.ts";
import { TOKENIZATION_NOTE, tokenize } from "../text/tokens.ts";
import { tagsFor } from "./conll.ts";
import { LossCollector, kindOf, type ExportInput, type Written } from "./export-types.ts";

/** Write a project as HuggingFace token classification rows. */
export function writeHuggingFace(input: ExportInput): Written {
  const kind = kindOf(input.header);
  const names = input.header.labels.filter((l) => kind(l.name) === "entity").map((l) => l.name);
  const labelNames = ["O", ...names.flatMap((n) => [`B-${n}`, `I-${n}`])];
  const index = new Map(labelNames.map((n, i) => [n, i]));
  const losses = new LossCollector("hf", [
    `ner_tags index label_names.json (IOB2 over the name labels ${names.join(", ")}); ${TOKENIZATION_NOTE}`,
  ]);
  const rows: string[] = [];
  for (const doc of input.documents) {
    const nameSpans = doc.spans.filter((s) => kind(s.label) === "entity");
    const boundaries = doc.spans.flatMap((s) => (s.fragments ?? [s]).flatMap((f) => [f.start, f.end]));
    const sentences = tokenize(doc.text, boundaries, doc.spans);
    const offsets = new OffsetIndex(doc.text);
    const sorted = [...nameSpans].sort((a, b) => a.start - b.start);
    let end = -1;
    const flat = sorted.filter((s) => {
      if (s.start < end) return false;
      end = s.end;
      return true;
    });
    const tags = tagsFor(sentences.flat(), flat, "IOB2");
    let k = 0;
    sentences.forEach((sentence, si) => {
      rows.push(
        JSON.stringify({
          id: `${String(doc.id)}-${String(si)}`,
          document: doc.id,
          tokens: sentence.map((t) => offsets.slice(t.start, t.end)),
          ner_tags: sentence.map(() => index.get(tags[k++] ?? "O") ?? 0),
        }),
      );
    });
    const other = doc.spans.length - nameSpans.length;
    losses.add(
      doc,
      { kind: "retokenized" },
      ...(other > 0 ? [{ kind: "other_spans", count: other, why: "names_only" } as const] : []),
      ...(nameSpans.length > flat.length
        ? [{ kind: "overlapping_names", count: nameSpans.length - flat.length, where: null } as const]
        : []),
      ...(doc.relations.length > 0 ? [{ kind: "relations", count: doc.relations.length, why: null } as const] : []),
    );
  }
  return {
    files: [
      { path: "hf.jsonl", mediaType: "application/x-ndjson", content: rows.join("\n") + (rows.length > 0 ? "\n" : "") },
      { path: "label_names.json", mediaType: "application/json", content: JSON.stringify(labelNames, null, 2) + "\n" },
    ],
    report: losses.report(),
  };
}
