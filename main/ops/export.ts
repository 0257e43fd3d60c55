/** Export of documents in any format: the project as native structures, then the format's writer. */
import type { ExportFormat, ExportLoss, OperationInput, OperationTable } from "../../core/contract.ts";
import {
  NATIVE_JSONL_MEDIA_TYPE,
  canonicalDocument,
  joinNativeJsonl,
  nativeLabel,
  nativeRelationType,
  type NativeDocument,
  type NativeHeader,
} from "../../core/formats/native-jsonl.ts";
import { writeFormat } from "../export/write.ts";
import { QawlError } from "../../core/errors.ts";
import { OffsetIndex } from "../../core/text/offsets.ts";
import type { Ops } from "./context.ts";
import { DETAIL_FIELDS, describeLoss, type DetailField, type Loss } from "../../core/formats/loss.ts";
import { writerOf } from "../../core/formats/registry.ts";
import { runSteps, type Steps } from "./steps.ts";

/** The header line: schema, entities, annotators. */
function nativeHeader(ops: Ops): NativeHeader {
  return {
    format: "qawl",
    version: 1,
    offset_unit: "codepoint",
    labels: ops.store.labels().map(nativeLabel),
    relation_types: ops.store.relationTypes().map(nativeRelationType),
    entities: ops.store.entities().map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      kb_id: e.kb_id,
    })),
    annotators: ops.store.annotators().map((a) => ({ id: a.id, name: a.name })),
  };
}

/** Document lines, loaded in bulk (all documents, or these in this order). */
function nativeDocuments(ops: Ops, documentIds: readonly number[] | null): NativeDocument[] {
  const docs = ops.store.documentsWithText(documentIds);
  if (documentIds !== null && docs.length !== documentIds.length) {
    const missing = documentIds.find((id) => !docs.some((d) => d.id === id));
    throw new QawlError("not_found", `document ${String(missing)} does not exist`, {
      kind: "document.missing",
      documentId: missing ?? 0,
    });
  }
  const { spans, relations } = ops.store.annotationOf(documentIds);
  return docs.map((doc) => {
    const offsets = new OffsetIndex(doc.text);
    return {
      id: doc.id,
      title: doc.title,
      published:
        doc.published_iso !== null && doc.published_raw !== null
          ? { iso: doc.published_iso, raw: doc.published_raw }
          : null,
      source: doc.source,
      url: doc.url,
      ...(doc.outlet !== null ? { outlet: doc.outlet } : {}),
      ...(doc.author !== null ? { author: doc.author } : {}),
      lang: doc.lang,
      text: doc.text,
      text_sha256: doc.text_sha256,
      had_bom: doc.had_bom === 1,
      status: doc.status,
      created_at: doc.created_at,
      updated_at: doc.updated_at,
      spans: (spans.get(doc.id) ?? []).map((s) => ({
        id: s.id,
        label: s.label,
        start: s.start,
        end: s.end,
        text: ops.spanText(s, offsets),
        ...(s.fragments.length > 0 ? { fragments: s.fragments.map((f) => ({ start: f.start, end: f.end })) } : {}),
        attributes: s.attributes,
        ...(s.entity_id !== null ? { entity: s.entity_id } : {}),
        annotator: s.annotator,
        ...(s.note !== null ? { note: s.note } : {}),
        ...(s.suggested_by !== null ? { suggested: s.suggested_by } : {}),
        created_at: s.created_at,
        updated_at: s.updated_at,
      })),
      relations: (relations.get(doc.id) ?? []).map((r) => ({
        id: r.id,
        type: r.type,
        from: r.from_span_id,
        ...(r.to_span_id !== null ? { to: r.to_span_id } : {}),
        ...(r.to_entity_id !== null ? { to_entity: r.to_entity_id } : {}),
        annotator: r.annotator,
        created_at: r.created_at,
      })),
      ...(doc.origin !== null ? { origin: doc.origin } : {}),
    };
  });
}

/**
 * The native JSONL file, from the document lines kept in the project where they are
 * (migration 4), building and keeping the others. Read on one snapshot, without the write
 * lock, when every line is kept (every export after the first); in a write transaction
 * otherwise, since keeping a line is a write.
 */
function nativeFile(ops: Ops, documentIds: readonly number[] | null): { content: string; count: number } {
  const kept = ops.store.snapshot(() => {
    const ids = documentIds ?? ops.store.documentIds();
    const lines = ops.store.exportLines(documentIds);
    return ids.every((id) => lines.has(id)) ? fileOf(ops, ids, lines) : null;
  });
  return kept ?? ops.store.transaction(() => keptFile(ops, documentIds));
}

/** `nativeFile` in a write transaction: the missing lines built and kept. */
function keptFile(ops: Ops, documentIds: readonly number[] | null): { content: string; count: number } {
  const ids = documentIds ?? ops.store.documentIds();
  const kept = ops.store.exportLines(documentIds);
  const missing = ids.filter((id) => !kept.has(id));
  if (missing.length > 0) {
    for (const doc of nativeDocuments(ops, missing)) {
      const line = JSON.stringify(canonicalDocument(doc));
      kept.set(doc.id, line);
      ops.store.putExportLine(doc.id, line);
    }
  }
  return fileOf(ops, ids, kept);
}

/** The file of the documents `ids` from their lines. @throws QawlError `not_found` for a document with none (not in the project) */
function fileOf(
  ops: Ops,
  ids: readonly number[],
  kept: ReadonlyMap<number, string>,
): { content: string; count: number } {
  const lines = ids.map((id) => {
    const line = kept.get(id);
    if (line === undefined) {
      throw new QawlError("not_found", `document ${String(id)} does not exist`, {
        kind: "document.missing",
        documentId: id,
      });
    }
    return line;
  });
  return { content: joinNativeJsonl(nativeHeader(ops), lines), count: lines.length };
}

/**
 * The document details each format writes (`docs/formats.md`; the registry's `detailsHeld`):
 * spaCy's `meta` holds id, title, published (ISO), source and URL; Label Studio's task `data`
 * holds text and title; doccano's lines hold id and text; brat, CoNLL, Hugging Face, WebAnno
 * TSV and plain text hold none; the native JSONL and the quotes tables (a column each) hold
 * them all.
 */
export function detailsHeld(format: ExportFormat): readonly DetailField[] {
  return writerOf(format).detailsHeld;
}

/** The details set on a document (a title is always set), in `DETAIL_FIELDS` order. */
function detailsSet(doc: NativeDocument): DetailField[] {
  const set: Record<DetailField, boolean> = {
    title: doc.title !== "",
    published: doc.published !== null,
    url: doc.url !== null,
    outlet: doc.outlet !== undefined,
    author: doc.author !== undefined,
    source: doc.source !== null,
  };
  return DETAIL_FIELDS.filter((f) => set[f]);
}

/**
 * The loss report with, for each document, its unreviewed suggestions (they are not
 * exported) and the details it has that `format` does not hold (`detailsHeld`).
 */
function withDocumentLosses(
  report: ExportLoss,
  documents: readonly NativeDocument[],
  unreviewed: ReadonlyMap<number, number>,
  format: ExportFormat,
): ExportLoss {
  const held = new Set(detailsHeld(format));
  const added = new Map<number, Loss[]>();
  for (const doc of documents) {
    const n = unreviewed.get(doc.id);
    const missing = detailsSet(doc).filter((f) => !held.has(f));
    const losses: Loss[] = [
      ...(n !== undefined ? [{ kind: "unreviewed", count: n } as const] : []),
      ...(missing.length > 0 ? [{ kind: "details", fields: missing } as const] : []),
    ];
    if (losses.length > 0) added.set(doc.id, losses);
  }
  if (added.size === 0) return report;
  const entries = new Map(
    report.documents.map((d) => [d.documentId, { ...d, lost: [...d.lost], losses: [...d.losses] }]),
  );
  for (const doc of documents) {
    const losses = added.get(doc.id);
    if (losses === undefined) continue;
    const entry = entries.get(doc.id) ?? { documentId: doc.id, title: doc.title, lost: [], losses: [] };
    entry.lost.push(...losses.map(describeLoss));
    entry.losses.push(...losses);
    entries.set(doc.id, entry);
  }
  const order = new Map(documents.map((d, i) => [d.id, i]));
  return {
    ...report,
    documents: [...entries.values()].sort((a, b) => (order.get(a.documentId) ?? 0) - (order.get(b.documentId) ?? 0)),
  };
}

/**
 * A document with only the spans of `layers` (annotator names, or gold) and the relations
 * among them; unreviewed suggestions belong to no layer and go.
 */
function onlyLayers(doc: NativeDocument, layers: ReadonlySet<string>): NativeDocument {
  const spans = doc.spans.filter((s) => s.suggested === undefined && layers.has(s.annotator));
  const kept = new Set(spans.map((s) => s.id));
  return {
    ...doc,
    spans,
    relations: doc.relations.filter((r) => kept.has(r.from) && (r.to === undefined || kept.has(r.to))),
  };
}

/** @throws QawlError `bad_input` naming a layer the project does not have */
function checkLayers(ops: Ops, layers: readonly string[]): Set<string> {
  const known = new Set(ops.store.annotators().map((a) => a.name));
  for (const name of layers) {
    if (!known.has(name)) {
      throw new QawlError(
        "bad_input",
        `there is no layer called "${name}" (layers: ${[...known].join(", ") || "none"})`,
      );
    }
  }
  return new Set(layers);
}

/** Writes documents in a format (`writeFormat`, or the same run on another thread). */
export type FormatWriter = typeof writeFormat;

type ExportResult = Awaited<ReturnType<OperationTable["exportDocuments"]>>;

/**
 * `exportDocuments` as steps: the project is read in one transaction (a consistent
 * snapshot), then handed to `write`; what `write` returns becomes the files and the loss
 * report. Nothing is written to the project but the native JSONL's kept lines.
 * @param write the format writer; the worker passes one that runs on its own thread, so
 *   the table answers other operations (and a cancel) while a long export is written
 * @throws QawlError `not_found` when a document asked for does not exist
 */
export function* exportSteps(
  ops: Ops,
  { format, documentIds, variant, layers }: OperationInput<"exportDocuments">,
  write: FormatWriter = writeFormat,
): Steps<Promise<ExportResult>> {
  const total = documentIds?.length ?? ops.store.documentIds().length;
  const wanted = layers === undefined ? null : checkLayers(ops, layers);
  yield { phase: "export", done: 0, total };
  if (format === "jsonl" && wanted === null) {
    const file = nativeFile(ops, documentIds ?? null);
    return Promise.resolve({
      files: [
        {
          path: "qawl-export.jsonl",
          mediaType: NATIVE_JSONL_MEDIA_TYPE,
          content: file.content,
          encoding: "utf8" as const,
        },
      ],
      report: {
        format: "jsonl",
        notes: ["Qawl's native JSONL holds everything; offsets count code points"],
        documents: [],
      },
      documentCount: file.count,
    });
  }
  const all = ops.store.snapshot(() => ({
    header: nativeHeader(ops),
    documents: nativeDocuments(ops, documentIds ?? null).map((d) => (wanted === null ? d : onlyLayers(d, wanted))),
  }));
  if (format === "jsonl") {
    const lines = all.documents.map((d) => JSON.stringify(canonicalDocument(d)));
    return Promise.resolve({
      files: [
        {
          path: "qawl-export.jsonl",
          mediaType: NATIVE_JSONL_MEDIA_TYPE,
          content: joinNativeJsonl(all.header, lines),
          encoding: "utf8" as const,
        },
      ],
      report: {
        format: "jsonl",
        notes: [
          `Qawl's native JSONL holds everything of the layers ${[...(wanted ?? [])].join(", ")}; offsets count code points`,
        ],
        documents: [],
      },
      documentCount: lines.length,
    });
  }
  // Other formats get what people accepted; unreviewed suggestions are named in the report.
  const unreviewed = new Map<number, number>();
  const input = {
    header: all.header,
    documents: all.documents.map((d) => {
      const suggested = new Set(d.spans.filter((s) => s.suggested !== undefined).map((s) => s.id));
      if (suggested.size === 0) return d;
      unreviewed.set(d.id, suggested.size);
      return {
        ...d,
        spans: d.spans.filter((s) => !suggested.has(s.id)),
        relations: d.relations.filter((r) => !suggested.has(r.from) && (r.to === undefined || !suggested.has(r.to))),
      };
    }),
  };
  yield { phase: "export", done: 0, total: input.documents.length };
  return (async () => {
    const written = await write(format, input, variant);
    const report = withDocumentLosses(written.report, input.documents, unreviewed, format);
    return {
      files: written.files.map((f) =>
        typeof f.content === "string"
          ? { path: f.path, mediaType: f.mediaType, content: f.content, encoding: "utf8" as const }
          : {
              path: f.path,
              mediaType: f.mediaType,
              content: Buffer.from(f.content).toString("base64"),
              encoding: "base64" as const,
            },
      ),
      report,
      documentCount: input.documents.length,
    };
  })();
}

/** `exportDocuments`, run to its end on this thread. */
export function exportOperations(ops: Ops): Pick<OperationTable, "exportDocuments"> {
  return {
    exportDocuments: (input) => runSteps(exportSteps(ops, input)),
  };
}
