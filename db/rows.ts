/**
 * Row shapes of the project store. Offsets count code points, end-exclusive; timestamps are
 * ISO 8601 strings in UTC. Rows leave `db/` decoded: a JSON column (a span's attributes, an
 * entity's aliases, a document's origin, a history entry's message) is its value here, encoded
 * and decoded by the table modules only (`db/tables/`).
 */
import type { ChangeMessage } from "../core/change-message.ts";
import type { DocumentOrigin } from "../core/formats/origin.ts";
import type { LabelKind } from "../core/labels.ts";

/** A span's attributes: attribute name to value (the `attributes` JSON column). */
export type SpanAttributes = Record<string, string>;

/** Document workflow state. */
export type DocumentStatus = "new" | "in_progress" | "done";

/** A document row. */
export interface DocumentRow {
  id: number;
  title: string;
  published_raw: string | null;
  published_iso: string | null;
  source: string | null;
  url: string | null;
  /** The newspaper or agency that published the article (migration 9). */
  outlet: string | null;
  /** Who wrote the article (migration 9). */
  author: string | null;
  lang: string;
  text: string;
  text_sha256: string;
  had_bom: 0 | 1;
  /** Text length in code points. */
  length: number;
  status: DocumentStatus;
  created_at: string;
  updated_at: string;
  /** How to write the document back in the format it came from (CoNLL, HTML), or null. */
  origin: DocumentOrigin | null;
}

/** A document row without its text (and origin), for lists. */
export type DocumentHeadRow = Omit<DocumentRow, "text" | "origin">;

/** Fields of a new document. */
export type NewDocument = Omit<
  DocumentRow,
  "id" | "status" | "created_at" | "updated_at" | "origin" | "outlet" | "author"
> & {
  origin?: DocumentOrigin | null;
  outlet?: string | null;
  author?: string | null;
};

/** The metadata of a document the user can set (`updateDocument`); text and status are not among them. */
export type DocumentMetadataRow = Pick<
  DocumentRow,
  "title" | "published_raw" | "published_iso" | "url" | "outlet" | "author"
>;

/** A fragment of a discontinuous span, code points. */
export interface FragmentRow {
  start: number;
  end: number;
}

/** A span row with its label's and annotator's names and its fragments (empty when contiguous). */
export interface SpanRow {
  id: number;
  document_id: number;
  label: string;
  label_kind: LabelKind;
  start: number;
  end: number;
  attributes: SpanAttributes;
  entity_id: number | null;
  note: string | null;
  annotator: string;
  created_at: string;
  updated_at: string;
  /** Who suggested the span, while nobody has reviewed it; null for an accepted span. */
  suggested_by: SuggestionSource | null;
  fragments: FragmentRow[];
}

/** Who suggests spans: the quote pre-annotator, or name propagation. */
export type SuggestionSource = "rules" | "propagation";

/** Fields of a new span; offsets in code points. */
export interface NewSpan {
  document_id: number;
  label_id: number;
  start: number;
  end: number;
  attributes: SpanAttributes;
  annotator_id: number;
  /** The entity the mention refers to. */
  entity_id?: number | null;
  /** Set for a suggestion. */
  suggested_by?: SuggestionSource | null;
  /** Fragments of a discontinuous span; absent or empty for a contiguous one. */
  fragments?: FragmentRow[];
}

/** Fields of a span that an edit may change. */
export interface SpanEdit {
  label_id: number;
  start: number;
  end: number;
  attributes: SpanAttributes;
  entity_id: number | null;
  note: string | null;
  /** Fragments of a discontinuous span; empty for a contiguous one. */
  fragments: FragmentRow[];
}

/** A span row as stored, with its ids (an exact import keeps them) and its fragments. */
export type ExactSpanRow = SpanEdit & {
  id: number;
  document_id: number;
  annotator_id: number;
  created_at: string;
  updated_at: string;
  suggested_by: SuggestionSource | null;
};

/** A relation row with its type's and annotator's names. Exactly one of `to_span_id` and `to_entity_id` is set. */
export interface RelationRow {
  id: number;
  document_id: number;
  type: string;
  from_span_id: number;
  to_span_id: number | null;
  to_entity_id: number | null;
  annotator: string;
  created_at: string;
}

/** Fields of a new relation. */
export interface NewRelation {
  document_id: number;
  type_id: number;
  from_span_id: number;
  to_span_id: number | null;
  to_entity_id: number | null;
  annotator_id: number;
}

/** An entity row. */
export interface EntityRow {
  id: number;
  name: string;
  type: string;
  /** Other names of the entity. */
  aliases: string[];
  kb_id: string | null;
  created_at: string;
}

/** A label row (attributes as JSON). */
export interface LabelRow {
  id: number;
  name: string;
  kind: LabelKind;
  display_name: string;
  key: string | null;
  color: string;
  attributes: string;
  retired: 0 | 1;
  position: number;
}

/** An entry of the undo history. */
export interface HistoryRow {
  id: number;
  description: string;
  /** What the change did, as data; null for changes recorded before migration 6. */
  message: ChangeMessage | null;
  document_id: number | null;
  undone: 0 | 1;
  created_at: string;
}

/** How a change is named in the history: in English, and as data for other languages. */
export interface HistoryText {
  description: string;
  message: ChangeMessage;
}
