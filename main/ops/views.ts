/**
 * Rows of the store → the views of the contract (camelCase, parsed JSON, span text).
 * Offsets stay code points.
 */
import type {
  DocumentSummary,
  EntityView,
  HistoryEntry,
  HistoryState,
  RelationView,
  SpanView,
} from "../../core/contract.ts";
import { excerptForHistory, namedRef, type NamedRef } from "../../core/change-message.ts";
import type { OffsetIndex } from "../../core/text/offsets.ts";
import type { DocumentHeadRow, EntityRow, HistoryRow, RelationRow, SpanRow } from "../../db/project.ts";
import type { Ops } from "./context.ts";

/** A document's line in the list. */
export function summaryView(
  row: DocumentHeadRow,
  spanCounts: Record<string, number>,
  suggestionCount: number,
): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    published:
      row.published_iso !== null && row.published_raw !== null
        ? { iso: row.published_iso, raw: row.published_raw }
        : null,
    status: row.status,
    lang: row.lang,
    length: row.length,
    spanCounts,
    suggestionCount,
    source: row.source,
    url: row.url,
    outlet: row.outlet,
    author: row.author,
  };
}

/** A span with its text. */
export function spanView(ops: Ops, row: SpanRow, offsets: OffsetIndex): SpanView {
  return {
    id: row.id,
    documentId: row.document_id,
    label: row.label,
    start: row.start,
    end: row.end,
    fragments: row.fragments.length === 0 ? null : row.fragments.map((f) => ({ start: f.start, end: f.end })),
    text: ops.spanText(row, offsets),
    attributes: row.attributes,
    entityId: row.entity_id,
    note: row.note,
    annotator: row.annotator,
    suggested: row.suggested_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A relation. */
export function relationView(row: RelationRow): RelationView {
  return {
    id: row.id,
    documentId: row.document_id,
    type: row.type,
    fromSpanId: row.from_span_id,
    toSpanId: row.to_span_id,
    toEntityId: row.to_entity_id,
    annotator: row.annotator,
    createdAt: row.created_at,
  };
}

/** An entity of the registry. */
export function entityView(row: EntityRow, mentionCount: number): EntityView {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    aliases: row.aliases,
    kbId: row.kb_id,
    mentionCount,
    createdAt: row.created_at,
  };
}

/** An entity of the registry with the number of accepted spans (not suggestions) that refer to it. */
export function entityViewOf(ops: Ops, row: EntityRow): EntityView {
  return entityView(row, ops.store.spansOfEntity(row.id).filter((s) => s.suggested_by === null).length);
}

/** A history entry, or null. */
export function historyEntry(row: HistoryRow | null): HistoryEntry | null {
  return row === null
    ? null
    : {
        id: row.id,
        description: row.description,
        message: row.message,
        documentId: row.document_id,
        createdAt: row.created_at,
      };
}

/** What can be undone and redone. */
export function historyView(state: { undo: HistoryRow | null; redo: HistoryRow | null }): HistoryState {
  return { undo: historyEntry(state.undo), redo: historyEntry(state.redo) };
}

/** The label and text excerpt a change to a span is named by (`Quote «روسيا مهتمة…»`). */
export function spanChange(label: NamedRef, text: string): { label: NamedRef; text: string } {
  return { label: namedRef(label), text: excerptForHistory(text) };
}
