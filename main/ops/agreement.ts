/**
 * `agreement`: the project's layers compared (`core/agreement/report.ts`). A layer has
 * annotated a document when it holds at least one reviewed span there; unreviewed
 * suggestions belong to no layer and are left out. Read-only.
 */
import { agreementReport, type AgreementDocument, type LayerSpan } from "../../core/agreement/report.ts";
import type { OperationTable } from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import { GOLD_LAYER } from "../../core/layers.ts";
import { OffsetIndex } from "../../core/text/offsets.ts";
import type { Ops } from "./context.ts";

/** `agreement`. */
export function agreementOperations(ops: Ops): Pick<OperationTable, "agreement"> {
  return {
    agreement({ documentIds, layers }) {
      return ops.store.snapshot(() => {
        const docs = ops.store.documentsWithText(documentIds ?? null);
        if (documentIds !== undefined && docs.length !== new Set(documentIds).size) {
          const missing = documentIds.find((id) => !docs.some((d) => d.id === id)) ?? 0;
          throw new QawlError("not_found", `document ${String(missing)} does not exist`, {
            kind: "document.missing",
            documentId: missing,
          });
        }
        const { spans, relations } = ops.store.annotationOf(documentIds ?? null);
        const layerSpans: LayerSpan[] = [];
        const documents: AgreementDocument[] = docs.map((doc) => {
          const offsets = new OffsetIndex(doc.text);
          const own = (spans.get(doc.id) ?? []).filter((s) => s.suggested_by === null);
          for (const s of own) {
            layerSpans.push({
              id: s.id,
              documentId: doc.id,
              annotator: s.annotator,
              label: s.label,
              kind: s.label_kind,
              fragments: s.fragments.length > 0 ? s.fragments : [{ start: s.start, end: s.end }],
              attributes: s.attributes,
              entityId: s.entity_id,
              text: ops.spanText(s, offsets),
            });
          }
          return { id: doc.id, title: doc.title, text: doc.text, layers: [...new Set(own.map((s) => s.annotator))] };
        });
        const known = [...new Set(layerSpans.map((s) => s.annotator))].sort((x, y) => x.localeCompare(y));
        for (const name of layers ?? []) {
          if (!known.includes(name)) {
            throw new QawlError(
              "bad_input",
              `there is no layer called "${name}" (layers: ${known.join(", ") || "none"})`,
            );
          }
        }
        return agreementReport({
          layers: layers ?? known.filter((l) => l !== GOLD_LAYER),
          labels: ops.store.labels().map((l) => ({ name: l.name, kind: l.kind })),
          documents,
          spans: layerSpans,
          relations: [...relations.values()].flat().map((r) => ({
            type: r.type,
            fromSpanId: r.from_span_id,
            toSpanId: r.to_span_id,
            toEntityId: r.to_entity_id,
          })),
        });
      });
    },
  };
}
