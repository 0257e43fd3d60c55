/**
 * Qawl's native JSONL, version 1 (design §4b; JSON Schema in
 * `schema/qawl-jsonl-v1.schema.json`): line 1 a header with the label schema, entities and
 * annotators, then one document a line. Offsets count Unicode code points, end-exclusive.
 * Lines end with LF; the file ends with one. Keys are written in a fixed order so that
 * the same project always gives the same bytes.
 */
import type { LabelKind } from "../labels.ts";
import type { DocumentOrigin } from "./origin.ts";

/** The header line. */
export interface NativeHeader {
  format: "qawl";
  version: 1;
  offset_unit: "codepoint";
  labels: {
    name: string;
    kind: LabelKind;
    display_name: string;
    key: string | null;
    color: string;
    attributes: { name: string; values: string[] }[];
    retired: boolean;
  }[];
  relation_types: { name: string; display_name: string; from_kind: LabelKind; to_kind: LabelKind }[];
  entities: { id: number; name: string; type: string; aliases: string[]; kb_id: string | null }[];
  annotators: { id: number; name: string }[];
}

/** A span of a document line; offsets in code points. */
export interface NativeSpan {
  id: number;
  label: string;
  /** Start of the span (of its first fragment). */
  start: number;
  /** End of the span (of its last fragment). */
  end: number;
  /** Python's `text[start:end]`; for a discontinuous span, its fragments' texts joined by one space. */
  text: string;
  /** Pieces of a discontinuous span (two or more), in text order. */
  fragments?: { start: number; end: number }[];
  attributes: Record<string, string>;
  entity?: number;
  annotator: string;
  note?: string;
  created_at: string;
  updated_at: string;
}

/** A relation of a document line: to a span (`to`) or, for a carried-over speaker, to an entity (`to_entity`). */
export interface NativeRelation {
  id: number;
  type: string;
  from: number;
  to?: number;
  to_entity?: number;
  annotator: string;
  created_at: string;
}

/** A document line. */
export interface NativeDocument {
  id: number;
  title: string;
  published: { iso: string; raw: string } | null;
  source: string | null;
  url: string | null;
  lang: string;
  text: string;
  text_sha256: string;
  had_bom: boolean;
  status: "new" | "in_progress" | "done";
  created_at: string;
  updated_at: string;
  spans: NativeSpan[];
  relations: NativeRelation[];
  /** What the document keeps of the file it came from (CoNLL, HTML), when a writer needs it. */
  origin?: DocumentOrigin;
}

/** Media type of the file. */
export const NATIVE_JSONL_MEDIA_TYPE = "application/x-ndjson";

/**
 * Serialize a project (or part of one) as native JSONL.
 * @returns the file's text: header line, then one line per document, each ending in LF
 */
export function writeNativeJsonl(header: NativeHeader, documents: Iterable<NativeDocument>): string {
  const lines = [JSON.stringify(header)];
  for (const doc of documents) lines.push(JSON.stringify(doc));
  return lines.join("\n") + "\n";
}
