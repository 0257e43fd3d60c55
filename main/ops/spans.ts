/** Operations on spans: create, edit (label, extent, fragments, attributes, entity, note), delete. */
import { namedRef, type ChangeMessage } from "../../core/change-message.ts";
import { guessQuoteType } from "../../core/article/quote-type.ts";
import type { OperationTable } from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import type { DocumentRow, FragmentRow, StoredLabel } from "../../db/project.ts";
import type { Ops } from "./context.ts";
import { cleanAliases } from "./entities.ts";
import { checkExtent } from "./extent.ts";
import { spanChange, spanView } from "./views.ts";

/** Refuse attribute names and values the label does not define. */
function checkAttributes(label: StoredLabel, attributes: Record<string, string>): void {
  for (const [name, value] of Object.entries(attributes)) {
    const def = label.attributes.find((a) => a.name === name);
    if (def === undefined) throw new QawlError("bad_input", `label ${label.name} has no attribute "${name}"`);
    if (!def.values.includes(value)) {
      throw new QawlError(
        "bad_input",
        `attribute ${name} of ${label.name} cannot be "${value}" (allowed: ${def.values.join(", ")})`,
      );
    }
  }
}

/** Refuse a second span of the same label on exactly the same text in one layer. */
function checkNoTwin(
  ops: Ops,
  doc: DocumentRow,
  label: StoredLabel,
  start: number,
  end: number,
  layerId: number,
  self?: number,
): void {
  const twin = ops.store.spanWithExtent(doc.id, label.id, start, end, layerId);
  if (twin !== undefined && twin !== self) {
    throw new QawlError("conflict", `there is already a ${label.displayName} span on this text`, {
      kind: "span.duplicate",
      label: namedRef(label),
    });
  }
}

/** Only speakers and entities refer to entities. */
function checkEntityLink(ops: Ops, label: StoredLabel, entityId: number | null): void {
  if (entityId === null) return;
  ops.entity(entityId);
  if (label.kind !== "speaker" && label.kind !== "entity") {
    throw new QawlError(
      "bad_input",
      `a ${label.displayName} span cannot refer to an entity (only speakers and names can)`,
    );
  }
}

/** `createSpan`, `updateSpan`, `deleteSpan`. */
export function spanOperations(ops: Ops): Pick<OperationTable, "createSpan" | "updateSpan" | "deleteSpan"> {
  return {
    createSpan({ documentId, label, start, end, attributes, fragments, layer }) {
      const doc = ops.document(documentId);
      const labelDef = ops.label(label, true);
      const layerId = ops.layerId(layer);
      const indexes = ops.indexesOf(doc);
      const pieces = checkExtent(doc, indexes, labelDef, start, end, fragments ?? null);
      // Labelling exactly what was suggested accepts the suggestion.
      const twin = ops.store.spanWithExtent(doc.id, labelDef.id, start, end, layerId);
      const suggested = twin === undefined ? undefined : ops.span(twin);
      if (suggested !== undefined && suggested.suggested_by !== null && fragments === undefined) {
        ops.change(
          { kind: "span.accept", ...spanChange(labelDef, ops.spanText(suggested, indexes.offsets)) },
          doc.id,
          () => {
            ops.store.acceptSpan(suggested.id, layerId, ops.now());
          },
        );
        return spanView(ops, ops.span(suggested.id), indexes.offsets);
      }
      checkNoTwin(ops, doc, labelDef, start, end, layerId);
      const attrs: Record<string, string> = { ...(attributes ?? {}) };
      if (
        labelDef.kind === "quote" &&
        labelDef.attributes.some((a) => a.name === "type") &&
        attrs["type"] === undefined
      ) {
        attrs["type"] = guessQuoteType(doc.text, indexes.offsets.toUtf16(start), indexes.offsets.toUtf16(end));
      }
      checkAttributes(labelDef, attrs);
      const text = ops.spanText({ start, end, fragments: pieces }, indexes.offsets);
      const id = ops.change({ kind: "span.add", ...spanChange(labelDef, text) }, documentId, () => {
        const stamp = ops.now();
        const spanId = ops.store.insertSpan(
          {
            document_id: documentId,
            label_id: labelDef.id,
            start,
            end,
            attributes: attrs,
            annotator_id: layerId,
            fragments: pieces,
          },
          stamp,
        );
        if (doc.status === "new") ops.store.setDocumentStatus(doc.id, "in_progress", stamp);
        return spanId;
      });
      return spanView(ops, ops.span(id), indexes.offsets);
    },

    updateSpan(input) {
      const span = ops.span(input.spanId);
      const doc = ops.document(span.document_id);
      const indexes = ops.indexesOf(doc);
      const labelName = input.label ?? span.label;
      const labelDef = ops.label(labelName, labelName !== span.label);
      const oldLabel = ops.label(span.label);
      const start = input.fragments?.[0]?.start ?? input.start ?? span.start;
      const end = input.fragments?.[input.fragments.length - 1]?.end ?? input.end ?? span.end;
      // Resizing a discontinuous span moves its first fragment's start and its last one's end.
      let wanted: FragmentRow[] | null = input.fragments ?? null;
      if (input.fragments === undefined && span.fragments.length > 0) {
        wanted = span.fragments.map((f, i, all) => ({
          start: i === 0 ? start : f.start,
          end: i === all.length - 1 ? end : f.end,
        }));
      }
      const pieces = checkExtent(doc, indexes, labelDef, start, end, wanted);
      const layerId = span.suggested_by === null ? ops.layerId(span.annotator, true) : ops.annotatorId();
      checkNoTwin(ops, doc, labelDef, start, end, layerId, span.id);
      const attributes = input.attributes ?? (labelName === span.label ? span.attributes : {});
      checkAttributes(labelDef, attributes);
      const canReferToEntity = labelDef.kind === "speaker" || labelDef.kind === "entity";
      let entityId = canReferToEntity ? span.entity_id : null;
      if (input.entityId !== undefined) {
        checkEntityLink(ops, labelDef, input.entityId);
        entityId = input.entityId;
      }
      if (
        labelName !== span.label &&
        labelDef.kind !== span.label_kind &&
        ops.store.relationsTouching(span.id).length > 0
      ) {
        throw new QawlError(
          "conflict",
          `this ${oldLabel.displayName} span has links that need a ${span.label_kind}; remove them before making it a ${labelDef.displayName}`,
          { kind: "span.links_need_kind", label: namedRef(oldLabel), to: namedRef(labelDef) },
        );
      }
      const note =
        input.note === undefined ? span.note : input.note === null || input.note.trim() === "" ? null : input.note;
      const before = ops.spanText(span, indexes.offsets);
      const what: ChangeMessage =
        labelName !== span.label
          ? {
              kind: "span.relabel",
              ...spanChange(oldLabel, before),
              to: namedRef(labelDef),
            }
          : start !== span.start || end !== span.end || input.fragments !== undefined
            ? { kind: "span.resize", ...spanChange(labelDef, before) }
            : { kind: "span.edit", ...spanChange(labelDef, before) };
      ops.change(what, doc.id, () => {
        ops.fresh(input.basedOn, "span", span.id, doc.id);
        // Editing a suggestion is reviewing it: it becomes the annotator's.
        if (span.suggested_by !== null) ops.store.acceptSpan(span.id, ops.annotatorId(), ops.now());
        ops.store.editSpan(
          span.id,
          {
            label_id: labelDef.id,
            start,
            end,
            attributes,
            entity_id: entityId,
            note,
            fragments: pieces,
          },
          ops.now(),
        );
        if (entityId !== null && entityId !== span.entity_id) {
          // The mention's wording becomes an alias, so the next such mention is offered this entity.
          const entity = ops.entity(entityId);
          const known = entity.aliases;
          const aliases = cleanAliases(entity.name, [
            ...known,
            ops.spanText({ start, end, fragments: pieces }, indexes.offsets),
          ]);
          if (aliases.length !== known.length) {
            ops.store.updateEntity(entity.id, { ...entity, aliases });
          }
        }
      });
      return spanView(ops, ops.span(span.id), indexes.offsets);
    },

    deleteSpan({ spanId, basedOn }) {
      const span = ops.span(spanId);
      const doc = ops.document(span.document_id);
      const label = ops.label(span.label);
      const relations = ops.store.relationsTouching(spanId);
      ops.change(
        { kind: "span.delete", ...spanChange(label, ops.spanText(span, ops.indexesOf(doc).offsets)) },
        doc.id,
        () => {
          ops.fresh(basedOn, "span", spanId, doc.id);
          for (const r of relations) ops.store.deleteRelation(r.id);
          ops.store.deleteSpan(spanId);
          // Deleting a suggestion rejects it: it is not suggested again.
          if (span.suggested_by !== null) ops.store.insertRejection(doc.id, label.id, span.start, span.end);
        },
      );
      return { deletedSpanId: spanId, deletedRelationIds: relations.map((r) => r.id) };
    },
  };
}
