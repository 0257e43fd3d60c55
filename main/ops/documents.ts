/** Operations on documents: list, open, import, status, metadata (title, date, URL, outlet, author), delete (undoable). */
import { excerptForHistory } from "../../core/change-message.ts";
import type { DocumentView, OperationTable } from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import type { DocumentMetadataRow } from "../../db/rows.ts";
import { importSteps } from "./import-steps.ts";
import { runSteps } from "./steps.ts";
import type { Ops } from "./context.ts";
import { countSpans } from "./feed.ts";
import { relationView, spanView, summaryView } from "./views.ts";

/** Span counts per label name for every document. */
function countsByDocument(ops: Ops): Map<number, Record<string, number>> {
  const counts = new Map<number, Record<string, number>>();
  for (const c of ops.spanCounts()) {
    const perLabel = counts.get(c.document_id) ?? {};
    perLabel[c.label] = c.n;
    counts.set(c.document_id, perLabel);
  }
  return counts;
}

/** `listDocuments`, `getDocument`, `importDocuments`, `setDocumentStatus`, `updateDocument`, `deleteDocuments`. */
export function documentOperations(
  ops: Ops,
): Pick<
  OperationTable,
  "listDocuments" | "getDocument" | "importDocuments" | "setDocumentStatus" | "updateDocument" | "deleteDocuments"
> {
  return {
    listDocuments() {
      const counts = countsByDocument(ops);
      const suggestions = ops.store.suggestionCounts();
      return ops.store
        .documentHeads()
        .filter((row) => ops.mayOpen(row.id))
        .map((row) => summaryView(row, counts.get(row.id) ?? {}, suggestions.get(row.id) ?? 0));
    },

    getDocument({ documentId }) {
      const doc = ops.document(documentId);
      const { offsets } = ops.indexesOf(doc);
      // A blind annotator sees their own layer and the suggestions only (core/team.ts).
      const spans = ops.visibleSpans(documentId).map((s) => spanView(ops, s, offsets));
      const { spanCounts, suggestionCount } = countSpans(spans);
      const view: DocumentView = {
        ...summaryView(doc, spanCounts, suggestionCount),
        text: doc.text,
        textSha256: doc.text_sha256,
        hadBom: doc.had_bom === 1,
        url: doc.url,
        spans,
        relations: ops.store
          .relationsOf(documentId)
          .filter((r) => ops.showsRelation(r))
          .map(relationView),
      };
      return view;
    },

    importDocuments(input) {
      return runSteps(importSteps(ops, input));
    },

    deleteDocuments({ documentIds }) {
      // Every id must exist before anything is deleted.
      const docs = [...new Set(documentIds)].map((id) => ops.document(id));
      // One step of the undo history: undo puts the documents back with everything in them.
      const only = docs.length === 1 ? docs[0] : undefined;
      ops.change(
        only === undefined
          ? { kind: "documents.delete", count: docs.length }
          : { kind: "document.delete", title: excerptForHistory(only.title) },
        only?.id ?? null,
        () => {
          ops.store.deleteDocuments(docs.map((d) => d.id));
        },
      );
      return { deleted: docs.map((d) => ({ documentId: d.id, title: d.title })) };
    },

    updateDocument({ documentId, title, date, dateRaw, url, outlet, author }) {
      const doc = ops.document(documentId);
      const meta: DocumentMetadataRow = {
        title: title ?? doc.title,
        published_iso: date === undefined ? doc.published_iso : date,
        published_raw: doc.published_raw,
        url: url === undefined ? doc.url : url,
        outlet: outlet === undefined ? doc.outlet : outlet,
        author: author === undefined ? doc.author : author,
      };
      if (meta.published_iso === null) meta.published_raw = null;
      else if (dateRaw !== undefined) meta.published_raw = dateRaw;
      else if (meta.published_iso !== doc.published_iso || doc.published_raw === null)
        meta.published_raw = meta.published_iso;
      if (dateRaw !== undefined && meta.published_iso === null) {
        throw new QawlError("bad_input", "updateDocument: dateRaw needs a date");
      }
      const changed = (Object.keys(meta) as (keyof DocumentMetadataRow)[]).some((k) => meta[k] !== doc[k]);
      if (changed) {
        ops.change({ kind: "document.edit", title: excerptForHistory(doc.title) }, documentId, () => {
          ops.store.updateDocumentMetadata(documentId, meta, ops.now());
        });
      }
      const counts = countsByDocument(ops);
      return summaryView(
        ops.document(documentId),
        counts.get(documentId) ?? {},
        ops.store.suggestionCounts().get(documentId) ?? 0,
      );
    },

    setDocumentStatus({ documentId, status }) {
      const doc = ops.document(documentId);
      if (doc.status !== status) {
        ops.change({ kind: "document.status", title: excerptForHistory(doc.title), status }, documentId, () => {
          ops.store.setDocumentStatus(documentId, status, ops.now());
        });
      }
      const counts = countsByDocument(ops);
      return summaryView(
        ops.document(documentId),
        counts.get(documentId) ?? {},
        ops.store.suggestionCounts().get(documentId) ?? 0,
      );
    },
  };
}
