/**
 * Qawl's native JSONL, version 1 (ARCHITECTURE.md §4b; JSON Schema in
 * `schema/qawl-jsonl-v1.schema.json`): line 1 a header with the label schema, entities and
 * annotators, then one document a line. Offsets count Unicode code points, end-exclusive.
 * Lines end with LF; the file ends with one. Keys are written in a fixed order so that
 * the same project always gives the same bytes.
 */
import type { LabelDefinition, LabelKind, RelationTypeDefinition } from "../labels.ts";
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

/** A label of the schema as the header writes it. */
export function nativeLabel(l: LabelDefinition): NativeHeader["labels"][number] {
  return {
    name: l.name,
    kind: l.kind,
    display_name: l.displayName,
    key: l.key,
    color: l.color,
    attributes: l.attributes,
    retired: l.retired,
  };
}

/** A relation type of the schema as the header writes it. */
export function nativeRelationType(t: RelationTypeDefinition): NativeHeader["relation_types"][number] {
  return { name: t.name, display_name: t.displayName, from_kind: t.fromKind, to_kind: t.toKind };
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
  /** Present while the span is an unreviewed suggestion: who suggested it (`rules`, `propagation`). */
  suggested?: "rules" | "propagation";
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
  /** The newspaper or agency that published the article; absent when unknown (older files never have it). */
  outlet?: string;
  /** Who wrote the article; absent when unknown. */
  author?: string;
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
  for (const doc of documents) lines.push(JSON.stringify(canonicalDocument(doc)));
  return lines.join("\n") + "\n";
}

/** The file from a header and document lines already written (see `canonicalDocument`). */
export function joinNativeJsonl(header: NativeHeader, lines: readonly string[]): string {
  return [JSON.stringify(header), ...lines].join("\n") + "\n";
}

/**
 * A document line in its canonical form — keys in the order above, spans by start (then
 * longest first, then id), relations by id — the form every export writes, so the same
 * document always gives the same bytes however it was built.
 */
export function canonicalDocument(doc: NativeDocument): NativeDocument {
  const spans = [...doc.spans]
    .sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id)
    .map((s) => ({
      id: s.id,
      label: s.label,
      start: s.start,
      end: s.end,
      text: s.text,
      ...(s.fragments !== undefined ? { fragments: s.fragments.map((f) => ({ start: f.start, end: f.end })) } : {}),
      attributes: s.attributes,
      ...(s.entity !== undefined ? { entity: s.entity } : {}),
      annotator: s.annotator,
      ...(s.note !== undefined ? { note: s.note } : {}),
      ...(s.suggested !== undefined ? { suggested: s.suggested } : {}),
      created_at: s.created_at,
      updated_at: s.updated_at,
    }));
  const relations = [...doc.relations]
    .sort((a, b) => a.id - b.id)
    .map((r) => ({
      id: r.id,
      type: r.type,
      from: r.from,
      ...(r.to !== undefined ? { to: r.to } : {}),
      ...(r.to_entity !== undefined ? { to_entity: r.to_entity } : {}),
      annotator: r.annotator,
      created_at: r.created_at,
    }));
  return {
    id: doc.id,
    title: doc.title,
    published: doc.published === null ? null : { iso: doc.published.iso, raw: doc.published.raw },
    source: doc.source,
    url: doc.url,
    ...(doc.outlet !== undefined ? { outlet: doc.outlet } : {}),
    ...(doc.author !== undefined ? { author: doc.author } : {}),
    lang: doc.lang,
    text: doc.text,
    text_sha256: doc.text_sha256,
    had_bom: doc.had_bom,
    status: doc.status,
    created_at: doc.created_at,
    updated_at: doc.updated_at,
    spans,
    relations,
    ...(doc.origin !== undefined ? { origin: doc.origin } : {}),
  };
}
