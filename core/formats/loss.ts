/**
 * What a document lost in an export, as data (`Loss`), so that each interface words it in
 * its own language: the loss report keeps each loss next to its English line
 * (`describeLoss`), which the CLI prints; the app words it from the data.
 */

/** One thing a format could not hold for one document; `count` is how many. */
export type Loss =
  /** `why`: `conll` (CoNLL has none), `sequence` (doccano's sequence labeling layout has none). */
  | { kind: "relations"; count: number; why: "conll" | "sequence" | null }
  /** Relations from a quote to an entity (carried-over speakers); `why` doccano: its relations join two spans. */
  | { kind: "relations_to_entity"; count: number; why: "doccano" | null }
  /** brat: one relation to an entity, kept as a note on the quote. */
  | { kind: "relation_kept_as_note"; relation: number; type: string; entity: string }
  | { kind: "entity_links"; count: number; why: "conll" | null }
  | { kind: "attributes"; count: number; example: boolean }
  | { kind: "notes"; count: number }
  /**
   * Discontinuous spans, written as one span, region or annotation per fragment; `links`
   * `first` (doccano, Label Studio): their relations start from the first fragment only.
   */
  | {
      kind: "fragments";
      count: number;
      what: "span" | "quote";
      as: "spans" | "regions" | "annotations";
      links?: "first";
    }
  /** Overlapping names: left out of spaCy's ents, or not in one tag column. */
  | { kind: "overlapping_names"; count: number; where: "ents" | "column" | null }
  | { kind: "overlapping_layer"; count: number; layer: string }
  /** Quote, speaker and cue spans a names-only layout cannot hold. */
  | { kind: "other_spans"; count: number; why: "dialect" | "names_only" }
  | { kind: "off_tokens"; count: number }
  | { kind: "line_ends" }
  /**
   * brat: spans crossing a line end, written as fragments split at each line end; `changed`
   * of them begin or end with a line break or a blank line, which no fragment can hold, and
   * are read back without it.
   */
  | { kind: "split_at_line_ends"; count: number; changed: number }
  /**
   * Spans left out whole: `column` (CoNLL: they overlap a span kept in their tag column,
   * `layer` names it), `doccano_overlap` (left out of `doccano-no-overlap.jsonl`).
   */
  | {
      kind: "spans_left_out";
      why: "column" | "doccano_overlap";
      layer: string | null;
      spans: { label: string; text: string }[];
    }
  /** doccano: relations left out of `doccano-no-overlap.jsonl` with a span they join. */
  | { kind: "relations_left_out"; count: number; file: string }
  /** Written as tokens: the text's own spacing and line breaks are not kept. */
  | { kind: "retokenized" }
  | { kind: "plain_text"; count: number }
  | { kind: "unreviewed"; count: number }
  /** Document details set on the document that the format has no place for, in `DETAIL_FIELDS` order. */
  | { kind: "details"; fields: DetailField[] };

/**
 * A document's details (the native JSONL's fields): `published` is the published date,
 * `source` the file it was imported from.
 */
export const DETAIL_FIELDS = ["title", "published", "url", "outlet", "author", "source"] as const;

/** One of `DETAIL_FIELDS`. */
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** English names of the details, as the Edit details dialog names them. */
const DETAIL_NAMES: Record<DetailField, string> = {
  title: "title",
  published: "published date",
  url: "URL",
  outlet: "outlet",
  author: "author",
  source: "source file",
};

/** `n things`. */
function count(n: number, one: string, many = `${one}s`): string {
  return `${String(n)} ${n === 1 ? one : many}`;
}

/** The English line of a loss, e.g. `2 relations (CoNLL has no relations)`. */
export function describeLoss(l: Loss): string {
  switch (l.kind) {
    case "relations":
      return `${count(l.count, "relation")}${
        l.why === "conll"
          ? " (CoNLL has no relations)"
          : l.why === "sequence"
            ? " (the sequence labeling layout has none)"
            : ""
      }`;
    case "relations_to_entity":
      return `${count(l.count, "relation")} to an entity (carried-over speakers${
        l.why === "doccano" ? "; doccano relations join two spans" : ""
      })`;
    case "relation_kept_as_note":
      return `relation ${String(l.relation)} (${l.type} to the entity ${l.entity}, a carried-over speaker): brat relations join two text spans; kept as a note on the quote`;
    case "entity_links":
      return `${count(l.count, "entity link")}${l.why === "conll" ? " (CoNLL tags hold no entity ids)" : ""}`;
    case "attributes":
      return `attributes of ${count(l.count, "span")}${l.example ? " (such as a quote's type)" : ""}`;
    case "notes":
      return count(l.count, "note");
    case "fragments": {
      const split =
        l.as === "spans"
          ? `${count(l.count, `discontinuous ${l.what}`)} written as separate spans, one per fragment`
          : `${count(l.count, `discontinuous ${l.what}`)} written as one ${l.as === "regions" ? "region" : "annotation"} per fragment`;
      return `${split}${l.links === "first" ? "; their links start from the first fragment only" : ""}`;
    }
    case "overlapping_names":
      return `${count(l.count, "overlapping name")}${
        l.where === "ents" ? ' left out of ents (kept in spans["sc"])' : l.where === "column" ? " (one tag column)" : ""
      }`;
    case "overlapping_layer":
      return `${count(l.count, `overlapping ${l.layer} span`)} (one tag column per layer)`;
    case "other_spans":
      return `${count(l.count, "quote, speaker or cue span")} (${
        l.why === "dialect" ? "the file's own dialect has one tag column" : "token classification here holds names only"
      })`;
    case "off_tokens":
      return `${count(l.count, "name")} not on the file's token boundaries, widened to whole tokens`;
    case "retokenized":
      return "the text's own spacing and line breaks (written as tokens; offsets differ when it is read back)";
    case "line_ends":
      return "span texts that cross a line end are shown on one line in the .ann (offsets are exact)";
    case "split_at_line_ends":
      return `${count(l.count, "span")} crossing a line end written as fragments split at the line ends (brat shows a discontinuous span; Qawl reads it back whole${
        l.changed > 0 ? `, except ${String(l.changed)} that begin or end with a line break, read back without it` : ""
      })`;
    case "spans_left_out":
      return `${count(l.spans.length, "span")} left out whole (${
        l.why === "column"
          ? `overlaps a span kept in the ${l.layer ?? "tag"} column`
          : "overlaps a span kept in doccano-no-overlap.jsonl, for projects without overlapping entities"
      }): ${l.spans.map((s) => `${s.label} "${s.text}"`).join(", ")}`;
    case "relations_left_out":
      return `${count(l.count, "relation")} left out of ${l.file} with a span they join`;
    case "plain_text":
      return `all ${String(l.count)} spans and their links (plain text holds no annotation)`;
    case "unreviewed":
      return `${count(l.count, "unreviewed suggestion")} (accept them to export them)`;
    case "details":
      return `document details not in this format: ${l.fields.map((f) => DETAIL_NAMES[f]).join(", ")}`;
  }
}
