/** Export of documents in any format: the project as native structures, then the format's writer. */
import type { OperationTable } from "../../core/contract.ts";
import type { NativeDocument, NativeHeader } from "../../core/formats/native-jsonl.ts";
import type { DocumentOrigin } from "../../core/formats/origin.ts";
import { writeFormat } from "../export/write.ts";
import type { Ops } from "./context.ts";

/** The header line: schema, entities, annotators. */
function nativeHeader(ops: Ops): NativeHeader {
  return {
    format: "qawl",
    version: 1,
    offset_unit: "codepoint",
    labels: ops.store.labels().map((l) => ({
      name: l.name,
      kind: l.kind,
      display_name: l.displayName,
      key: l.key,
      color: l.color,
      attributes: l.attributes,
      retired: l.retired,
    })),
    relation_types: ops.store.relationTypes().map((t) => ({
      name: t.name,
      display_name: t.displayName,
      from_kind: t.fromKind,
      to_kind: t.toKind,
    })),
    entities: ops.store.entities().map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: JSON.parse(e.aliases) as string[],
      kb_id: e.kb_id,
    })),
    annotators: ops.store.annotators().map((a) => ({ id: a.id, name: a.name })),
  };
}

/** One document line. */
function nativeDocument(ops: Ops, id: number): NativeDocument {
  const doc = ops.document(id);
  const { offsets } = ops.indexesOf(doc);
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
    spans: ops.store.spansOf(id).map((s) => ({
      id: s.id,
      label: s.label,
      start: s.start,
      end: s.end,
      text: ops.spanText(s, offsets),
      ...(s.fragments.length > 0 ? { fragments: s.fragments.map((f) => ({ start: f.start, end: f.end })) } : {}),
      attributes: JSON.parse(s.attributes) as Record<string, string>,
      ...(s.entity_id !== null ? { entity: s.entity_id } : {}),
      annotator: s.annotator,
      ...(s.note !== null ? { note: s.note } : {}),
      created_at: s.created_at,
      updated_at: s.updated_at,
    })),
    relations: ops.store.relationsOf(id).map((r) => ({
      id: r.id,
      type: r.type,
      from: r.from_span_id,
      ...(r.to_span_id !== null ? { to: r.to_span_id } : {}),
      ...(r.to_entity_id !== null ? { to_entity: r.to_entity_id } : {}),
      annotator: r.annotator,
      created_at: r.created_at,
    })),
    ...(doc.origin !== null ? { origin: JSON.parse(doc.origin) as DocumentOrigin } : {}),
  };
}

/** `exportDocuments`. */
export function exportOperations(ops: Ops): Pick<OperationTable, "exportDocuments"> {
  return {
    async exportDocuments({ format, documentIds, variant }) {
      const input = ops.store.transaction(() => ({
        header: nativeHeader(ops),
        documents: (documentIds ?? ops.store.documentIds()).map((id) => nativeDocument(ops, id)),
      }));
      const written = await writeFormat(format, input, variant);
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
        report: written.report,
        documentCount: input.documents.length,
      };
    },
  };
}
