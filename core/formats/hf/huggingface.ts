/**
 * HuggingFace token classification (the layout of the `conll2003` dataset card): one
 * sentence a line, `{"id", "document", "tokens": […], "ner_tags": […]}` with `ner_tags`
 * indexes into the label list (`O`, `B-LABEL`, `I-LABEL`, … — a `ClassLabel`). The list is
 * declared where `datasets` reads it: the dataset card `README.md`, whose YAML front matter
 * holds `dataset_info.features` (`tokens`: a sequence of strings; `ner_tags`: a sequence of
 * `class_label` with `names`) and `configs` (the `train` split is `hf.jsonl`), as in
 * https://huggingface.co/docs/hub/datasets-cards and
 * https://huggingface.co/docs/datasets/repository_structure; so
 * `datasets.load_dataset(<folder>)` gives `features["ner_tags"].feature.names`. The list is
 * also written as `label_names.json` for readers without `datasets`. Names only (the NER
 * layer); tokens and sentences as in the CoNLL export.
 */
import { OffsetIndex } from "../../text/offsets.ts";
import { TOKENIZATION_NOTE, tokenize } from "../../text/tokens.ts";
import { tagsFor } from "../conll/conll.ts";
import { LossCollector, kindOf, type ExportInput, type Written } from "../export-types.ts";

/** A YAML scalar: a JSON string is a YAML double-quoted scalar. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

/**
 * The dataset card: YAML front matter declaring the features (with the `ClassLabel` names in
 * index order) and the one split, then a short description.
 * @param labelNames the IOB2 tags, index = the `ner_tags` value
 */
export function huggingFaceCard(labelNames: readonly string[]): string {
  return [
    "---",
    "dataset_info:",
    "  features:",
    "  - name: id",
    "    dtype: string",
    "  - name: document",
    "    dtype: int64",
    "  - name: tokens",
    "    sequence: string",
    "  - name: ner_tags",
    "    sequence:",
    "      class_label:",
    "        names:",
    ...labelNames.map((n, i) => `          ${yamlString(String(i))}: ${yamlString(n)}`),
    "configs:",
    "- config_name: default",
    "  data_files:",
    "  - split: train",
    "    path: hf.jsonl",
    "---",
    "",
    "# Qawl export: token classification",
    "",
    "One sentence a row: `tokens` and their IOB2 `ner_tags` (a `ClassLabel`; the names are",
    "declared above and in `label_names.json`). `document` is the Qawl document id. Only the",
    "named-entity layer is here; quotes, speakers, cues and relations are in Qawl's JSONL export.",
    "",
  ].join("\n");
}

/** Write a project as HuggingFace token classification rows. */
export function writeHuggingFace(input: ExportInput): Written {
  const kind = kindOf(input.header);
  const names = input.header.labels.filter((l) => kind(l.name) === "entity").map((l) => l.name);
  const labelNames = ["O", ...names.flatMap((n) => [`B-${n}`, `I-${n}`])];
  const index = new Map(labelNames.map((n, i) => [n, i]));
  const losses = new LossCollector("hf", [
    `ner_tags are ClassLabel indexes (IOB2 over the name labels ${names.join(", ")}), declared in the dataset card README.md and label_names.json; ${TOKENIZATION_NOTE}`,
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
    const linked = nameSpans.filter((s) => s.entity !== undefined).length;
    losses.add(
      doc,
      { kind: "retokenized" },
      ...(other > 0 ? [{ kind: "other_spans", count: other, why: "names_only" } as const] : []),
      ...(nameSpans.length > flat.length
        ? [{ kind: "overlapping_names", count: nameSpans.length - flat.length, where: null } as const]
        : []),
      ...(doc.relations.length > 0 ? [{ kind: "relations", count: doc.relations.length, why: null } as const] : []),
      ...(linked > 0 ? [{ kind: "entity_links", count: linked, why: null } as const] : []),
    );
  }
  return {
    files: [
      { path: "hf.jsonl", mediaType: "application/x-ndjson", content: rows.join("\n") + (rows.length > 0 ? "\n" : "") },
      { path: "README.md", mediaType: "text/markdown", content: huggingFaceCard(labelNames) },
      { path: "label_names.json", mediaType: "application/json", content: JSON.stringify(labelNames, null, 2) + "\n" },
    ],
    report: losses.report(),
  };
}
