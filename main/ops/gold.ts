/**
 * `copyToGold`: adjudication (docs/guidelines.md, "Layers and adjudication"). The spans a
 * curator takes from annotators' layers are copied into the gold layer with their label,
 * extent, fragments, attributes, entity and note; a quote's speaker and cue come with it
 * (as gold spans, or its carried-over speaker entity), so the gold quote is attributed as
 * the layer had it. A gold span with the same label and extent is reused, never doubled.
 * One recorded change: one undo takes it all back.
 */
import type { OperationTable } from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import { GOLD_LAYER } from "../../core/layers.ts";
import type { SpanRow } from "../../db/project.ts";
import type { Ops } from "./context.ts";
import { spanChange, spanView } from "./views.ts";

/** `copyToGold`. */
export function goldOperations(ops: Ops): Pick<OperationTable, "copyToGold"> {
  return {
    copyToGold({ spanIds }) {
      const first = ops.span(spanIds[0] ?? 0);
      const doc = ops.document(first.document_id);
      const spans = spanIds.map((id) => ops.span(id));
      for (const s of spans) {
        if (s.document_id !== doc.id) throw new QawlError("bad_input", `span ${String(s.id)} is in another document`);
        if (s.suggested_by !== null)
          throw new QawlError("bad_input", `span ${String(s.id)} is an unreviewed suggestion, in no layer`);
        if (s.annotator === GOLD_LAYER) throw new QawlError("bad_input", `span ${String(s.id)} is already gold`);
      }
      const offsets = ops.indexesOf(doc).offsets;
      const label = ops.label(first.label);
      const copied = ops.change(
        { kind: "gold.copy", count: spans.length, ...spanChange(label, ops.spanText(first, offsets)) },
        doc.id,
        () => {
          const goldId = ops.layerId(GOLD_LAYER);
          const now = ops.now();
          const copies = new Map<number, number>();
          /** The gold copy of a span: a gold span of the same label and extent, or a new one. */
          const copy = (s: SpanRow): number => {
            const known = copies.get(s.id);
            if (known !== undefined) return known;
            const labelId = ops.label(s.label).id;
            const existing = ops.store.spanWithExtent(doc.id, labelId, s.start, s.end, goldId);
            const twin = existing === undefined ? undefined : ops.span(existing);
            const fields = {
              label_id: labelId,
              start: s.start,
              end: s.end,
              attributes: s.attributes,
              entity_id: s.entity_id,
              note: s.note,
              fragments: s.fragments,
            };
            const reused = twin !== undefined && twin.annotator === GOLD_LAYER;
            const id = reused
              ? twin.id
              : ops.store.insertSpan({ ...fields, document_id: doc.id, annotator_id: goldId }, now);
            // A new span has no note yet: the edit sets it (and refreshes a reused one whole).
            if (reused || s.note !== null) ops.store.editSpan(id, fields, now);
            copies.set(s.id, id);
            // The quote's links come along, replacing the gold quote's own.
            for (const r of ops.store.relationsTouching(s.id)) {
              if (r.from_span_id !== s.id) continue;
              const target = r.to_span_id === null ? undefined : ops.store.span(r.to_span_id);
              const to = target === undefined ? null : copy(target);
              if (to === null && r.to_entity_id === null) continue;
              const old = ops.store.relationsTouching(id).find((g) => g.from_span_id === id && g.type === r.type);
              if (old !== undefined) ops.store.deleteRelation(old.id);
              const typeId = ops.store.relationTypeId(r.type);
              if (typeId === undefined) continue;
              ops.store.insertRelation(
                {
                  document_id: doc.id,
                  type_id: typeId,
                  from_span_id: id,
                  to_span_id: to,
                  to_entity_id: to === null ? r.to_entity_id : null,
                  annotator_id: ops.annotatorId(),
                },
                now,
              );
            }
            return id;
          };
          const ids = spans.map(copy);
          if (doc.status === "new") ops.store.setDocumentStatus(doc.id, "in_progress", now);
          return ids;
        },
      );
      return { spans: copied.map((id) => spanView(ops, ops.span(id), offsets)) };
    },
  };
}
