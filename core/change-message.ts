/**
 * What a recorded change did, as data (`ChangeMessage`), so that each interface words it in
 * its own language: the undo history keeps the message next to its English description,
 * the CLI and API show `describeChange` (English), the renderer its own wording.
 */
import type { DocumentStatus } from "./contract.ts";

/** A label or relation type as the change met it: export name and display name. */
export interface NamedRef {
  name: string;
  displayName: string;
}

/** Just the name and display name of a label or relation type (a stored one has more fields). */
export function namedRef(x: NamedRef): NamedRef {
  return { name: x.name, displayName: x.displayName };
}

/** A change to one span: the label, and an excerpt of the span's text (`excerptForHistory`). */
interface SpanChange {
  label: NamedRef;
  text: string;
}

/** What a recorded change did. `kind` says what; the other fields fill in the wording. */
export type ChangeMessage =
  | ({ kind: "span.add" | "span.accept" | "span.resize" | "span.edit" | "span.delete" } & SpanChange)
  | ({ kind: "span.relabel"; to: NamedRef } & SpanChange)
  | { kind: "entity.new" | "entity.edit"; name: string }
  | { kind: "entity.rename"; name: string; to: string }
  | { kind: "entity.merge"; names: string[]; into: string }
  | { kind: "label.add" | "label.edit" | "label.retire" | "label.restore"; label: NamedRef }
  /** A link from a quote: to a span (`target` its excerpt, `targetLabel` its label) or to an entity (`target` its name). */
  | { kind: "relation.link"; type: NamedRef; target: string; targetLabel: NamedRef | null }
  | { kind: "relation.remove"; type: NamedRef }
  | { kind: "speaker.carry"; entity: string; text: string }
  | { kind: "document.status"; title: string; status: DocumentStatus }
  /** A document's title, date, URL, outlet or author set (`title`: its title before the change). */
  | { kind: "document.edit"; title: string }
  /** A document deleted (`title`: its title), or several (`count`). */
  | { kind: "document.delete"; title: string }
  | { kind: "documents.delete"; count: number }
  /**
   * The other mentions of a name suggested: `text` the name's excerpt and `count` how many
   * (both absent in changes recorded before Qawl kept them).
   */
  | { kind: "propagate.name"; text?: string; count?: number }
  | { kind: "propagate.all" }
  /** The cue list replaced (`count` lemmas), or set back to Qawl's defaults. */
  | { kind: "cues.set"; count: number }
  | { kind: "cues.reset" }
  | { kind: "preannotate.document"; title: string }
  /** Adjudication: `count` spans taken into the gold layer, the first's label and excerpt. */
  | ({ kind: "gold.copy"; count: number } & SpanChange)
  | { kind: "preannotate.documents" | "suggestions.accept" | "suggestions.reject"; count: number };

const EXCERPT_GRAPHEMES = 30;
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * A short excerpt of a span's or a title's text for the history: whitespace runs made one
 * space, at most 30 graphemes (the 30th an ellipsis when cut), never cutting a grapheme.
 */
export function excerptForHistory(text: string): string {
  const flat = text.replace(/\s+/gu, " ");
  const parts = [...graphemes.segment(flat)].map((s) => s.segment);
  return parts.length > EXCERPT_GRAPHEMES ? `${parts.slice(0, EXCERPT_GRAPHEMES - 1).join("")}…` : flat;
}

const STATUS_WORDS: Readonly<Record<DocumentStatus, string>> = {
  new: "new",
  in_progress: "in progress",
  done: "done",
};

const plural = (count: number, noun: string) => `${String(count)} ${noun}${count === 1 ? "" : "s"}`;

/**
 * The English wording of a change, as the undo button, the CLI and the API show it, e.g.
 * `Add Quote «روسيا مهتمة…»`, `Accept 3 suggestions`.
 */
export function describeChange(m: ChangeMessage): string {
  switch (m.kind) {
    case "span.add":
      return `Add ${m.label.displayName} «${m.text}»`;
    case "span.accept":
      return `Accept ${m.label.displayName} «${m.text}»`;
    case "span.resize":
      return `Resize ${m.label.displayName} «${m.text}»`;
    case "span.edit":
      return `Edit ${m.label.displayName} «${m.text}»`;
    case "span.delete":
      return `Delete ${m.label.displayName} «${m.text}»`;
    case "span.relabel":
      return `Change ${m.label.displayName} «${m.text}» to ${m.to.displayName}`;
    case "entity.new":
      return `New entity ${m.name}`;
    case "entity.edit":
      return `Edit entity ${m.name}`;
    case "entity.rename":
      return `Rename ${m.name} to ${m.to}`;
    case "entity.merge":
      return `Merge ${m.names.join(", ")} into ${m.into}`;
    case "label.add":
      return `Add label ${m.label.displayName}`;
    case "label.edit":
      return `Edit label ${m.label.displayName}`;
    case "label.retire":
      return `Retire label ${m.label.displayName}`;
    case "label.restore":
      return `Bring back label ${m.label.displayName}`;
    case "relation.link": {
      const target = m.targetLabel === null ? m.target : `${m.targetLabel.displayName} «${m.target}»`;
      return `Link ${m.type.displayName.toLowerCase()} ${target}`;
    }
    case "relation.remove":
      return `Remove a ${m.type.name.replace("_", " ")} link`;
    case "speaker.carry":
      return `Same speaker (${m.entity}) for Quote «${m.text}»`;
    case "document.status":
      return `Mark “${m.title}” ${STATUS_WORDS[m.status]}`;
    case "document.edit":
      return `Edit the details of “${m.title}”`;
    case "document.delete":
      return `Delete “${m.title}”`;
    case "documents.delete":
      return `Delete ${plural(m.count, "document")}`;
    case "propagate.name":
      return m.text === undefined || m.count === undefined
        ? "Suggest the other mentions of a name"
        : `Suggest ${plural(m.count, "other mention")} of «${m.text}»`;
    case "propagate.all":
      return "Suggest every known name";
    case "cues.set":
      return `Set the cue list (${plural(m.count, "lemma")})`;
    case "cues.reset":
      return "Restore the default cue list";
    case "preannotate.document":
      return `Pre-annotate “${m.title}”`;
    case "gold.copy":
      return m.count === 1
        ? `Take ${m.label.displayName} «${m.text}» into gold`
        : `Take ${m.label.displayName} «${m.text}» and ${plural(m.count - 1, "other span")} into gold`;
    case "preannotate.documents":
      return `Pre-annotate ${String(m.count)} documents`;
    case "suggestions.accept":
      return `Accept ${plural(m.count, "suggestion")}`;
    case "suggestions.reject":
      return `Reject ${plural(m.count, "suggestion")}`;
  }
}
