/**
 * The project-wide entity registry: canonical name, type, aliases and an optional Wikidata
 * id. Speaker and entity spans refer to entities; entities span documents (`لافروف`,
 * `سيرغي لافروف` and `وزير الخارجية الروسي` are one person). Names match through Arabic
 * folding (`foldArabic`), with attached proclitics peeled, and a one-word mention matches a
 * longer name's last word (a surname).
 */
import type { EntityMention, EntityView, OperationTable } from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import { PERSON_LABEL } from "../../core/labels.ts";
import { procliticSplits } from "../../core/text/clitics.ts";
import { foldArabic } from "../../core/text/normalize.ts";
import type { EntityRow } from "../../db/project.ts";
import type { Ops } from "./context.ts";
import { entityView, entityViewOf } from "./views.ts";

/** Aliases of an entity, without its name and without repeats (compared folded). */
export function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([foldArabic(name)]);
  const out: string[] = [];
  for (const alias of aliases) {
    const key = foldArabic(alias);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(alias.trim());
  }
  return out;
}

/** The folded forms a mention could match: itself, and its first word with proclitics peeled. */
function matchKeys(text: string): string[] {
  const folded = foldArabic(text);
  return procliticSplits(folded).map((s) => s.rest);
}

/**
 * Entities of the registry whose name or an alias a mention's text matches (folded, with
 * proclitics peeled; a one-word mention also matches a longer name's last word, a surname:
 * `لافروف` → `سيرغي لافروف`), most mentioned first; then the persons (`PERSON_LABEL`) named at
 * the end of a longer mention, after a title or a description (`وزير الخارجية الروسي سيرغي
 * لافروف` → `سيرغي لافروف`; `… الروسي لافروف` by the surname).
 */
export function matchingEntities(ops: Ops, text: string): (EntityRow & { mentions: number })[] {
  const keys = new Set(matchKeys(text));
  const words = foldArabic(text).split(" ");
  const oneWord = words.length === 1;
  const lastWord = (folded: string) => folded.slice(folded.lastIndexOf(" ") + 1);
  const matches = (name: string) => {
    const folded = foldArabic(name);
    return keys.has(folded) || (oneWord && keys.has(lastWord(folded)));
  };
  // The mention's proper endings: `الروسي سيرغي لافروف`, `سيرغي لافروف`, `لافروف`.
  const endings = new Set(words.slice(1).map((_, i) => words.slice(i + 1).join(" ")));
  const endsWith = (name: string) => {
    const folded = foldArabic(name);
    return endings.has(folded) || ([...lastWord(folded)].length >= 3 && endings.has(lastWord(folded)));
  };
  const entities = ops.store.entities();
  const exact = entities.filter((e) => [e.name, ...e.aliases].some(matches));
  const inside = oneWord
    ? []
    : entities.filter((e) => e.type === PERSON_LABEL && !exact.includes(e) && [e.name, ...e.aliases].some(endsWith));
  const byMentions = (a: { mentions: number }, b: { mentions: number }) => b.mentions - a.mentions;
  return [...exact.sort(byMentions), ...inside.sort(byMentions)];
}

/** `listEntities`, `getEntity`, `createEntity`, `updateEntity`, `mergeEntities`, `entityCandidates`. */
export function entityOperations(
  ops: Ops,
): Pick<
  OperationTable,
  "listEntities" | "getEntity" | "createEntity" | "updateEntity" | "mergeEntities" | "entityCandidates"
> {
  /**
   * An entity type as the schema names it: the name of an entity label (compared in any case).
   * @param current the entity's type now, allowed even when no label is called so (an imported registry)
   * @throws QawlError `entity.unknown_type` naming the labels there are
   */
  function schemaType(type: string, current?: string): string {
    if (type === current) return type;
    const labels = ops.store.labels().filter((l) => l.kind === "entity" && !l.retired);
    const label = labels.find((l) => l.name.toLowerCase() === type.toLowerCase());
    if (label !== undefined) return label.name;
    const names = labels.map((l) => l.name);
    throw new QawlError(
      "bad_input",
      `entity type ${type} is not an entity label of this project (the entity labels: ${names.join(", ")})`,
      { kind: "entity.unknown_type", type, labels: names },
    );
  }

  function view(row: EntityRow): EntityView {
    return entityViewOf(ops, row);
  }

  function linkSpan(spanId: number, entityId: number): void {
    const span = ops.span(spanId);
    if (span.label_kind !== "speaker" && span.label_kind !== "entity") {
      throw new QawlError(
        "bad_input",
        `span ${String(spanId)} is a ${span.label}; only speakers and names refer to entities`,
      );
    }
    ops.store.editSpan(
      span.id,
      {
        label_id: ops.label(span.label).id,
        start: span.start,
        end: span.end,
        attributes: span.attributes,
        entity_id: entityId,
        note: span.note,
        fragments: span.fragments,
      },
      ops.now(),
    );
  }

  return {
    listEntities() {
      return ops.store.entities().map((row) => entityView(row, row.mentions));
    },

    getEntity({ entityId }) {
      const entity = ops.entity(entityId);
      const titles = new Map<number, string>();
      const mention = (spanId: number, via: EntityMention["via"]): EntityMention => {
        const span = ops.span(spanId);
        const doc = ops.document(span.document_id);
        titles.set(doc.id, doc.title);
        return {
          documentId: doc.id,
          documentTitle: doc.title,
          spanId: span.id,
          label: span.label,
          start: span.start,
          end: span.end,
          text: ops.spanText(span, ops.indexesOf(doc).offsets),
          via,
        };
      };
      const mentions = [
        // Unreviewed suggestions are not mentions yet.
        ...ops.store
          .spansOfEntity(entityId)
          .filter((s) => s.suggested_by === null)
          .map((s) => mention(s.id, "mention")),
        ...ops.store
          .relationsToEntity(entityId)
          .filter((r) => ops.span(r.from_span_id).suggested_by === null)
          .map((r) => mention(r.from_span_id, "quote")),
      ].sort((a, b) => a.documentId - b.documentId || a.start - b.start);
      return { ...view(entity), mentions };
    },

    createEntity({ name, type: asked, aliases, kbId, spanIds }) {
      const type = schemaType(asked);
      const texts = (spanIds ?? []).map((id) => {
        const span = ops.span(id);
        return ops.spanText(span, ops.indexesOf(ops.document(span.document_id)).offsets);
      });
      const documentId = spanIds?.[0] !== undefined ? ops.span(spanIds[0]).document_id : null;
      const id = ops.change({ kind: "entity.new", name }, documentId, () => {
        const entityId = ops.store.insertEntity(
          {
            name,
            type,
            aliases: cleanAliases(name, [...(aliases ?? []), ...texts]),
            kb_id: kbId ?? null,
          },
          ops.now(),
        );
        for (const spanId of spanIds ?? []) linkSpan(spanId, entityId);
        return entityId;
      });
      return view(ops.entity(id));
    },

    updateEntity({ entityId, name, type: asked, aliases, kbId, basedOn }) {
      const entity = ops.entity(entityId);
      const type = asked === undefined ? undefined : schemaType(asked, entity.type);
      const newName = name ?? entity.name;
      const newAliases = cleanAliases(newName, [
        ...(aliases ?? entity.aliases),
        ...(name !== undefined && name !== entity.name ? [entity.name] : []),
      ]);
      ops.change(
        name !== undefined && name !== entity.name
          ? { kind: "entity.rename", name: entity.name, to: newName }
          : { kind: "entity.edit", name: entity.name },
        null,
        () => {
          ops.fresh(basedOn, "entity", entityId, null);
          ops.store.updateEntity(entityId, {
            name: newName,
            type: type ?? entity.type,
            aliases: newAliases,
            kb_id: kbId === undefined ? entity.kb_id : kbId,
          });
        },
      );
      return view(ops.entity(entityId));
    },

    mergeEntities({ intoId, fromIds, basedOn }) {
      const into = ops.entity(intoId);
      const from = fromIds.filter((id) => id !== intoId).map((id) => ops.entity(id));
      if (from.length === 0) {
        throw new QawlError("bad_input", "merge needs at least one other entity", { kind: "entity.merge_alone" });
      }
      ops.change({ kind: "entity.merge", names: from.map((e) => e.name), into: into.name }, null, () => {
        for (const entity of [into, ...from]) ops.fresh(basedOn, "entity", entity.id, null);
        const aliases = [into.aliases];
        let kb = into.kb_id;
        for (const other of from) {
          for (const span of ops.store.spansOfEntity(other.id)) linkSpan(span.id, into.id);
          for (const r of ops.store.relationsToEntity(other.id)) ops.store.retargetRelation(r.id, into.id);
          aliases.push([other.name, ...other.aliases]);
          kb ??= other.kb_id;
          ops.store.deleteEntity(other.id);
        }
        ops.store.updateEntity(into.id, {
          name: into.name,
          type: into.type,
          aliases: cleanAliases(into.name, aliases.flat()),
          kb_id: kb,
        });
      });
      return view(ops.entity(intoId));
    },

    entityCandidates({ spanId }) {
      const span = ops.span(spanId);
      const text = ops.spanText(span, ops.indexesOf(ops.document(span.document_id)).offsets);
      return matchingEntities(ops, text).map((row) => entityView(row, row.mentions));
    },
  };
}
