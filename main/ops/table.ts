/**
 * The operation table: every operation of `core/contract.ts`, implemented once over a
 * project store. Hosts (Electron IPC, `qawl serve`, the CLI) call it through `dispatch.ts`,
 * which validates the input first. Every change runs in one transaction.
 *
 * Offsets in inputs and outputs count code points, end-exclusive.
 */
import { guessQuoteType } from "../../core/article/quote-type.ts";
import type {
  DocumentSummary,
  DocumentView,
  ImportOutcome,
  OperationTable,
  RelationView,
  SpanView,
} from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import {
  NATIVE_JSONL_MEDIA_TYPE,
  writeNativeJsonl,
  type NativeDocument,
  type NativeHeader,
} from "../../core/formats/native-jsonl.ts";
import { graphemeBoundaries, isGraphemeBoundary } from "../../core/text/graphemes.ts";
import { OffsetIndex } from "../../core/text/offsets.ts";
import type {
  DocumentHeadRow,
  DocumentRow,
  NewDocument,
  ProjectStore,
  RelationRow,
  SpanRow,
} from "../../db/project.ts";
import { readPlainTextArticle } from "../import/plain-text.ts";

/** What a host tells the table about who is working and when. */
export interface OperationContext {
  /** Name recorded as the annotator of every change. */
  annotator: string;
  /** Clock for timestamps (ISO 8601, UTC); injectable for tests. */
  now?: () => string;
}

/** A document's text with its offset and grapheme indexes, built once per text. */
interface TextIndexes {
  offsets: OffsetIndex;
  graphemes: Uint32Array;
}

function summaryOf(row: DocumentHeadRow, spanCounts: Record<string, number>): DocumentSummary {
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
  };
}

function spanViewOf(row: SpanRow, offsets: OffsetIndex): SpanView {
  return {
    id: row.id,
    documentId: row.document_id,
    label: row.label,
    start: row.start,
    end: row.end,
    text: offsets.slice(row.start, row.end),
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    annotator: row.annotator,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function relationViewOf(row: RelationRow): RelationView {
  return {
    id: row.id,
    documentId: row.document_id,
    type: row.type,
    fromSpanId: row.from_span_id,
    toSpanId: row.to_span_id,
    annotator: row.annotator,
    createdAt: row.created_at,
  };
}

/**
 * Build the operation table over an open project.
 * @param store the project
 * @param context the annotator and clock of this host
 */
export function createOperationTable(store: ProjectStore, context: OperationContext): OperationTable {
  const now = context.now ?? (() => new Date().toISOString());
  const indexCache = new Map<string, TextIndexes>();

  function indexesOf(doc: DocumentRow): TextIndexes {
    let cached = indexCache.get(doc.text_sha256);
    if (cached === undefined) {
      cached = { offsets: new OffsetIndex(doc.text), graphemes: graphemeBoundaries(doc.text) };
      if (indexCache.size > 32) indexCache.clear();
      indexCache.set(doc.text_sha256, cached);
    }
    return cached;
  }

  function requireDocument(id: number): DocumentRow {
    const doc = store.document(id);
    if (doc === undefined) throw new QawlError("not_found", `document ${String(id)} does not exist`);
    return doc;
  }

  function requireSpan(id: number): SpanRow {
    const span = store.span(id);
    if (span === undefined) throw new QawlError("not_found", `span ${String(id)} does not exist`);
    return span;
  }

  function requireLabel(name: string, forNewSpan: boolean) {
    const label = store.labels().find((l) => l.name === name);
    if (label === undefined) throw new QawlError("bad_input", `label "${name}" is not in this project's schema`);
    if (forNewSpan && label.retired) throw new QawlError("bad_input", `label "${name}" is retired`);
    return label;
  }

  function checkAttributes(labelName: string, attributes: Record<string, string>): void {
    const label = requireLabel(labelName, false);
    for (const [name, value] of Object.entries(attributes)) {
      const def = label.attributes.find((a) => a.name === name);
      if (def === undefined) throw new QawlError("bad_input", `label ${labelName} has no attribute "${name}"`);
      if (!def.values.includes(value)) {
        throw new QawlError(
          "bad_input",
          `attribute ${name} of ${labelName} cannot be "${value}" (allowed: ${def.values.join(", ")})`,
        );
      }
    }
  }

  function markInProgress(doc: DocumentRow): void {
    if (doc.status === "new") store.setDocumentStatus(doc.id, "in_progress", now());
  }

  function nativeHeader(): NativeHeader {
    return {
      format: "qawl",
      version: 1,
      offset_unit: "codepoint",
      labels: store.labels().map((l) => ({
        name: l.name,
        kind: l.kind,
        display_name: l.displayName,
        key: l.key,
        color: l.color,
        attributes: l.attributes,
        retired: l.retired,
      })),
      relation_types: store.relationTypes().map((t) => ({
        name: t.name,
        display_name: t.displayName,
        from_kind: t.fromKind,
        to_kind: t.toKind,
      })),
      entities: [],
      annotators: store.annotators().map((a) => ({ id: a.id, name: a.name })),
    };
  }

  function nativeDocument(id: number): NativeDocument {
    const doc = requireDocument(id);
    const { offsets } = indexesOf(doc);
    return {
      id: doc.id,
      title: doc.title,
      published:
        doc.published_iso !== null && doc.published_raw !== null
          ? { iso: doc.published_iso, raw: doc.published_raw }
          : null,
      source: doc.source,
      url: doc.url,
      lang: doc.lang,
      text: doc.text,
      text_sha256: doc.text_sha256,
      had_bom: doc.had_bom === 1,
      status: doc.status,
      created_at: doc.created_at,
      updated_at: doc.updated_at,
      spans: store.spansOf(id).map((s) => ({
        id: s.id,
        label: s.label,
        start: s.start,
        end: s.end,
        text: offsets.slice(s.start, s.end),
        attributes: JSON.parse(s.attributes) as Record<string, string>,
        ...(s.entity_id !== null ? { entity: s.entity_id } : {}),
        annotator: s.annotator,
        ...(s.note !== null ? { note: s.note } : {}),
        created_at: s.created_at,
        updated_at: s.updated_at,
      })),
      relations: store.relationsOf(id).map((r) => ({
        id: r.id,
        type: r.type,
        from: r.from_span_id,
        to: r.to_span_id,
        annotator: r.annotator,
        created_at: r.created_at,
      })),
    };
  }

  return {
    getProject() {
      return {
        path: store.path,
        annotator: context.annotator,
        labels: store.labels().map(({ id: _id, ...label }) => label),
        relationTypes: store.relationTypes().map(({ id: _id, ...type }) => type),
      };
    },

    listDocuments() {
      const counts = new Map<number, Record<string, number>>();
      for (const c of store.spanCounts()) {
        const perLabel = counts.get(c.document_id) ?? {};
        perLabel[c.label] = c.n;
        counts.set(c.document_id, perLabel);
      }
      return store.documentHeads().map((row) => summaryOf(row, counts.get(row.id) ?? {}));
    },

    getDocument({ documentId }) {
      const doc = requireDocument(documentId);
      const { offsets } = indexesOf(doc);
      const spans = store.spansOf(documentId).map((s) => spanViewOf(s, offsets));
      const spanCounts: Record<string, number> = {};
      for (const s of spans) spanCounts[s.label] = (spanCounts[s.label] ?? 0) + 1;
      const view: DocumentView = {
        ...summaryOf(doc, spanCounts),
        text: doc.text,
        textSha256: doc.text_sha256,
        hadBom: doc.had_bom === 1,
        source: doc.source,
        url: doc.url,
        spans,
        relations: store.relationsOf(documentId).map(relationViewOf),
      };
      return view;
    },

    importDocuments({ files, encoding }) {
      // Read every file first: a refusal anywhere writes nothing.
      const prepared: { file: string; doc: NewDocument }[] = files.map((f) => {
        try {
          return { file: f.name, doc: readPlainTextArticle(f.name, Buffer.from(f.contentBase64, "base64"), encoding) };
        } catch (e) {
          if (!(e instanceof QawlError) || files.length === 1) throw e;
          const message = e.message.replace(/; nothing imported$/u, "");
          throw new QawlError(e.code, `${message}; none of the ${String(files.length)} files was imported`);
        }
      });
      return store.transaction(() => {
        const outcomes: ImportOutcome[] = [];
        const stamp = now();
        for (const { file, doc } of prepared) {
          const existing = store.documentBySha256(doc.text_sha256);
          if (existing !== undefined) {
            outcomes.push({ file, status: "duplicate", documentId: existing.id, title: existing.title });
            continue;
          }
          const documentId = store.insertDocument(doc, stamp);
          outcomes.push({ file, status: "imported", documentId, title: doc.title, length: doc.length });
        }
        return { outcomes };
      });
    },

    createSpan({ documentId, label, start, end, attributes }) {
      return store.transaction(() => {
        const doc = requireDocument(documentId);
        const labelDef = requireLabel(label, true);
        if (end === start) {
          throw new QawlError(
            "bad_input",
            `a span must cover at least one character (start and end are both ${String(start)})`,
          );
        }
        if (end < start) {
          throw new QawlError("bad_input", `span end ${String(end)} is before its start ${String(start)}`);
        }
        if (end > doc.length) {
          throw new QawlError(
            "bad_input",
            `span end ${String(end)} is past the end of document ${String(documentId)} (${String(doc.length)} code points)`,
          );
        }
        const { offsets, graphemes } = indexesOf(doc);
        const u16Start = offsets.toUtf16(start);
        const u16End = offsets.toUtf16(end);
        for (const [name, at, u16] of [
          ["start", start, u16Start],
          ["end", end, u16End],
        ] as const) {
          if (!isGraphemeBoundary(graphemes, u16)) {
            throw new QawlError(
              "bad_input",
              `span ${name} ${String(at)} splits a character (a letter from its marks, or an emoji sequence)`,
            );
          }
        }
        const covered = doc.text.slice(u16Start, u16End);
        if (covered.trim() === "") throw new QawlError("bad_input", "a span must cover more than whitespace");
        if (labelDef.kind !== "quote" && /[\n\r\u2028\u2029]/u.test(covered)) {
          throw new QawlError("bad_input", `a ${labelDef.displayName} span cannot cross a line break`);
        }
        const twin = store.spanWithExtent(documentId, labelDef.id, start, end);
        if (twin !== undefined) {
          throw new QawlError(
            "conflict",
            `there is already a ${labelDef.displayName} span on this text (span ${String(twin)})`,
          );
        }
        const attrs: Record<string, string> = { ...(attributes ?? {}) };
        if (
          labelDef.kind === "quote" &&
          labelDef.attributes.some((a) => a.name === "type") &&
          attrs["type"] === undefined
        ) {
          attrs["type"] = guessQuoteType(doc.text, u16Start, u16End);
        }
        checkAttributes(label, attrs);
        const stamp = now();
        const id = store.insertSpan(
          {
            document_id: documentId,
            label_id: labelDef.id,
            start,
            end,
            attributes: JSON.stringify(attrs),
            annotator_id: store.annotatorId(context.annotator, stamp),
          },
          stamp,
        );
        markInProgress(doc);
        return spanViewOf(requireSpan(id), offsets);
      });
    },

    updateSpan({ spanId, label, attributes }) {
      return store.transaction(() => {
        const span = requireSpan(spanId);
        const newLabel = label ?? span.label;
        const labelDef = requireLabel(newLabel, newLabel !== span.label);
        const attrs =
          attributes ?? (newLabel === span.label ? (JSON.parse(span.attributes) as Record<string, string>) : {});
        checkAttributes(newLabel, attrs);
        if (newLabel !== span.label && store.relationsTouching(spanId).length > 0) {
          const kinds = new Set([span.label_kind, labelDef.kind]);
          if (kinds.size > 1) {
            throw new QawlError(
              "conflict",
              `span ${String(spanId)} has relations that need a ${span.label_kind} span; delete them before changing its label to ${newLabel}`,
            );
          }
        }
        store.updateSpan(spanId, labelDef.id, JSON.stringify(attrs), now());
        const doc = requireDocument(span.document_id);
        return spanViewOf(requireSpan(spanId), indexesOf(doc).offsets);
      });
    },

    deleteSpan({ spanId }) {
      return store.transaction(() => {
        requireSpan(spanId);
        const deletedRelationIds = store.relationsTouching(spanId).map((r) => r.id);
        store.deleteSpan(spanId);
        return { deletedSpanId: spanId, deletedRelationIds };
      });
    },

    createRelation({ type, fromSpanId, toSpanId }) {
      return store.transaction(() => {
        const relationType = store.relationTypes().find((t) => t.name === type);
        if (relationType === undefined)
          throw new QawlError("bad_input", `relation type "${type}" is not in this project's schema`);
        const from = requireSpan(fromSpanId);
        const to = requireSpan(toSpanId);
        if (from.document_id !== to.document_id) {
          throw new QawlError(
            "bad_input",
            `spans ${String(fromSpanId)} and ${String(toSpanId)} are in different documents`,
          );
        }
        if (from.label_kind !== relationType.fromKind || to.label_kind !== relationType.toKind) {
          throw new QawlError(
            "bad_input",
            `${type} links a ${relationType.fromKind} span to a ${relationType.toKind} span, not ${from.label} to ${to.label}`,
          );
        }
        const replaced = store
          .relationsTouching(fromSpanId)
          .find((r) => r.type === type && r.from_span_id === fromSpanId);
        if (replaced !== undefined) store.deleteRelation(replaced.id);
        const stamp = now();
        const id = store.insertRelation(
          {
            document_id: from.document_id,
            type_id: relationType.id,
            from_span_id: fromSpanId,
            to_span_id: toSpanId,
            annotator_id: store.annotatorId(context.annotator, stamp),
          },
          stamp,
        );
        const relation = store.relation(id);
        if (relation === undefined) throw new QawlError("not_found", `relation ${String(id)} vanished`);
        return { relation: relationViewOf(relation), replacedRelationId: replaced?.id ?? null };
      });
    },

    deleteRelation({ relationId }) {
      return store.transaction(() => {
        if (store.relation(relationId) === undefined) {
          throw new QawlError("not_found", `relation ${String(relationId)} does not exist`);
        }
        store.deleteRelation(relationId);
        return { deletedRelationId: relationId };
      });
    },

    exportDocuments({ documentIds }) {
      const ids = documentIds ?? store.documentIds();
      const docs = ids.map((id) => nativeDocument(id));
      return {
        fileName: "qawl-export.jsonl",
        mediaType: NATIVE_JSONL_MEDIA_TYPE,
        content: writeNativeJsonl(nativeHeader(), docs),
        documentCount: docs.length,
      };
    },
  };
}
