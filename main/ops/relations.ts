/**
 * Operations on relations: link a quote to its speaker (`attributed_to`) and cue (`cue`),
 * or — for a continuation such as `وأضاف: "…"` — attribute it to the previous quote's
 * speaker entity directly. A quote has at most one relation of each type; a new one
 * replaces the old.
 */
import type { OperationTable, RelationView } from "../../core/contract.ts";
import { excerptForHistory, namedRef, type NamedRef } from "../../core/change-message.ts";
import { QawlError } from "../../core/errors.ts";
import type { SpanRow } from "../../db/project.ts";
import type { Ops } from "./context.ts";
import { entityViewOf, relationView } from "./views.ts";

/** Whether two spans are in one layer (a suggestion is in every layer until reviewed). */
function sameLayer(x: SpanRow, y: SpanRow): boolean {
  return x.suggested_by !== null || y.suggested_by !== null || x.annotator === y.annotator;
}

/** `createRelation`, `deleteRelation`, `carryOverSpeaker`. */
export function relationOperations(
  ops: Ops,
): Pick<OperationTable, "createRelation" | "deleteRelation" | "carryOverSpeaker"> {
  function relationType(name: string) {
    const type = ops.store.relationTypes().find((t) => t.name === name);
    if (type === undefined) throw new QawlError("bad_input", `relation type "${name}" is not in this project's schema`);
    return type;
  }

  /** Insert (replacing the quote's previous relation of this type); returns the new id and the replaced one. */
  function link(from: SpanRow, typeName: string, to: { span?: SpanRow; entityId?: number }) {
    const type = relationType(typeName);
    const replaced = ops.store
      .relationsTouching(from.id)
      .find((r) => r.type === typeName && r.from_span_id === from.id);
    if (replaced !== undefined) ops.store.deleteRelation(replaced.id);
    const id = ops.store.insertRelation(
      {
        document_id: from.document_id,
        type_id: type.id,
        from_span_id: from.id,
        to_span_id: to.span?.id ?? null,
        to_entity_id: to.entityId ?? null,
        annotator_id: ops.annotatorId(),
      },
      ops.now(),
    );
    return { id, replacedRelationId: replaced?.id ?? null };
  }

  function view(id: number): RelationView {
    const row = ops.store.relation(id);
    if (row === undefined) {
      throw new QawlError("not_found", `relation ${String(id)} does not exist`, { kind: "gone", what: "relation", id });
    }
    return relationView(row);
  }

  return {
    createRelation(input) {
      const type = relationType(input.type);
      const from = ops.span(input.fromSpanId);
      if (from.label_kind !== type.fromKind) {
        throw new QawlError("bad_input", `${type.name} starts at a ${type.fromKind} span, not at ${from.label}`);
      }
      const offsets = ops.indexesOf(ops.document(from.document_id)).offsets;
      let target: { span?: SpanRow; entityId?: number };
      let what: { target: string; targetLabel: NamedRef | null };
      if ("toSpanId" in input) {
        const to = ops.span(input.toSpanId);
        if (to.document_id !== from.document_id) {
          throw new QawlError("bad_input", `spans ${String(from.id)} and ${String(to.id)} are in different documents`);
        }
        if (to.label_kind !== type.toKind) {
          throw new QawlError(
            "bad_input",
            `${type.name} links a ${type.fromKind} span to a ${type.toKind} span, not ${from.label} to ${to.label}`,
          );
        }
        if (!sameLayer(from, to)) {
          throw new QawlError(
            "bad_input",
            `the ${from.label} is in ${from.annotator}'s layer and the ${to.label} in ${to.annotator}'s; link spans of one layer`,
          );
        }
        target = { span: to };
        const label = ops.label(to.label);
        what = {
          target: excerptForHistory(ops.spanText(to, offsets)),
          targetLabel: namedRef(label),
        };
      } else {
        if (type.toKind !== "speaker") throw new QawlError("bad_input", `${type.name} cannot point to an entity`);
        const entity = ops.entity(input.toEntityId);
        target = { entityId: entity.id };
        what = { target: entity.name, targetLabel: null };
      }
      const message = {
        kind: "relation.link",
        type: namedRef(type),
        ...what,
      } as const;
      const result = ops.change(message, from.document_id, () => link(from, type.name, target));
      return { relation: view(result.id), replacedRelationId: result.replacedRelationId };
    },

    deleteRelation({ relationId }) {
      const relation = view(relationId);
      const type = relationType(relation.type);
      const message = { kind: "relation.remove", type: namedRef(type) } as const;
      ops.change(message, relation.documentId, () => {
        ops.store.deleteRelation(relationId);
      });
      return { deletedRelationId: relationId };
    },

    carryOverSpeaker({ quoteId }) {
      const quote = ops.span(quoteId);
      if (quote.label_kind !== "quote") throw new QawlError("bad_input", `span ${String(quoteId)} is not a quote`);
      const doc = ops.document(quote.document_id);
      const offsets = ops.indexesOf(doc).offsets;
      const relations = ops.store.relationsOf(doc.id).filter((r) => r.type === "attributed_to");
      const spans = new Map(ops.store.spansOf(doc.id).map((s) => [s.id, s]));
      const previous = relations
        .map((r) => ({ r, from: spans.get(r.from_span_id) }))
        .filter(
          (x): x is { r: (typeof relations)[number]; from: SpanRow } =>
            x.from !== undefined && x.from.start < quote.start && sameLayer(x.from, quote),
        )
        .sort((a, b) => b.from.start - a.from.start)[0];
      if (previous === undefined) {
        throw new QawlError("bad_input", "no earlier quote in this document has a speaker to carry over", {
          kind: "speaker.no_earlier",
        });
      }
      const result = ops.change(
        (r: { entityId: number }) => ({
          kind: "speaker.carry",
          entity: ops.entity(r.entityId).name,
          text: excerptForHistory(ops.spanText(quote, offsets)),
        }),
        doc.id,
        () => {
          let entityId = previous.r.to_entity_id;
          if (entityId === null) {
            const speaker = spans.get(previous.r.to_span_id ?? 0);
            if (speaker === undefined) throw new QawlError("not_found", "the earlier quote's speaker span is gone");
            entityId = speaker.entity_id;
            if (entityId === null) {
              // The speaker mention names no entity yet: make one from it and link the mention.
              const name = ops.spanText(speaker, offsets);
              entityId = ops.store.insertEntity({ name, type: "PER", aliases: [], kb_id: null }, ops.now());
              ops.store.editSpan(
                speaker.id,
                {
                  label_id: ops.label(speaker.label).id,
                  start: speaker.start,
                  end: speaker.end,
                  attributes: speaker.attributes,
                  entity_id: entityId,
                  note: speaker.note,
                  fragments: speaker.fragments,
                },
                ops.now(),
              );
            }
          }
          const linked = link(quote, "attributed_to", { entityId });
          return { ...linked, entityId };
        },
      );
      const entity = ops.entity(result.entityId);
      return {
        relation: view(result.id),
        entity: entityViewOf(ops, entity),
      };
    },
  };
}
