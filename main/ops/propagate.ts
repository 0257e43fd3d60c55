/**
 * Name propagation (`propagateNames`): once a name is tagged or in the entity registry, its
 * other occurrences in the document and the corpus are suggested with the same label and
 * entity — matched through Arabic folding, attached proclitics peeled, whole words only
 * unless asked (`core/text/name-matches.ts`). Offsets in code points.
 */
import { excerptForHistory, type ChangeMessage } from "../../core/change-message.ts";
import type { OperationTable } from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import { PERSON_LABEL } from "../../core/labels.ts";
import { isClosedClassWord } from "../../core/text/closed-class.ts";
import { findName } from "../../core/text/name-matches.ts";
import { surnameOf } from "../../core/text/name-parts.ts";
import { foldArabic, foldedShadow } from "../../core/text/normalize.ts";
import { rejectionKey, type DocumentRow, type StoredLabel } from "../../db/project.ts";
import type { Ops, TextIndexes } from "./context.ts";
import { checkExtent } from "./extent.ts";
import { spanView } from "./views.ts";

/** A name to look for. */
interface KnownName {
  text: string;
  label: StoredLabel;
  entityId: number | null;
}

/** A document's offset index by its id. */
type OffsetsOf = (documentId: number) => TextIndexes["offsets"];

/** `propagateNames`. */
export function propagateOperations(ops: Ops): Pick<OperationTable, "propagateNames"> {
  function entityLabel(type: string): StoredLabel | undefined {
    return ops.store.labels().find((l) => l.kind === "entity" && !l.retired && l.name === type);
  }

  /**
   * Names of an entity of the registry (its name and aliases), with the label of its type. An
   * alias that only a speaker mention has (a description, `وزير الخارجية الروسي`) stays an
   * alias for matching speakers, and is never suggested as a name.
   */
  function namesOfEntity(entityId: number, label: StoredLabel | undefined, offsetsOf: OffsetsOf): KnownName[] {
    const entity = ops.entity(entityId);
    const l = label ?? entityLabel(entity.type);
    if (l === undefined) return [];
    const asSpeaker = new Set<string>();
    const asName = new Set<string>();
    for (const span of ops.store.spansOfEntity(entityId)) {
      if (span.suggested_by !== null) continue;
      const text = foldArabic(ops.spanText(span, offsetsOf(span.document_id)));
      (span.label_kind === "speaker" ? asSpeaker : asName).add(text);
    }
    const description = (alias: string) => asSpeaker.has(foldArabic(alias)) && !asName.has(foldArabic(alias));
    return [entity.name, ...entity.aliases.filter((a) => !description(a))].map((text) => ({
      text,
      label: l,
      entityId,
    }));
  }

  /** Each document's offset index, its row read once per call (or taken from `read`). */
  function offsetsCache(read: ReadonlyMap<number, DocumentRow> = new Map()): OffsetsOf {
    const cache = new Map<number, TextIndexes["offsets"]>();
    return (documentId) => {
      let offsets = cache.get(documentId);
      if (offsets === undefined) {
        offsets = ops.indexesOf(read.get(documentId) ?? ops.document(documentId)).offsets;
        cache.set(documentId, offsets);
      }
      return offsets;
    };
  }

  function knownNames(spanId: number | undefined): KnownName[] {
    if (spanId !== undefined) {
      const offsetsOf = offsetsCache();
      const span = ops.span(spanId);
      if (span.label_kind !== "entity") {
        throw new QawlError("bad_input", `span ${String(spanId)} is a ${span.label}; only names are propagated`, {
          kind: "propagate.not_name",
          label: span.label,
        });
      }
      const label = ops.label(span.label);
      const text = ops.spanText(span, offsetsOf(span.document_id));
      return [
        { text, label, entityId: span.entity_id },
        ...(span.entity_id !== null ? namesOfEntity(span.entity_id, label, offsetsOf) : []),
      ];
    }
    const names: KnownName[] = [];
    const { spans } = ops.store.annotationOf(null);
    const docs = new Map(ops.store.documentsWithText(null).map((d) => [d.id, d]));
    const offsetsOf = offsetsCache(docs);
    for (const [documentId, list] of spans) {
      if (!docs.has(documentId)) continue;
      const offsets = offsetsOf(documentId);
      for (const s of list) {
        if (s.label_kind !== "entity" || s.suggested_by !== null) continue;
        names.push({ text: ops.spanText(s, offsets), label: ops.label(s.label), entityId: s.entity_id });
      }
    }
    for (const e of ops.store.entities()) names.push(...namesOfEntity(e.id, undefined, offsetsOf));
    return names;
  }

  return {
    propagateNames({ spanId, documentIds, partialWords }) {
      // One search per distinct folded name and label; the longest names claim text first.
      const byKey = new Map<string, KnownName>();
      const known = knownNames(spanId);
      // A person is also named by the surname alone (`لافروف` after `سيرغي لافروف`).
      const surnames = known.flatMap((n) => {
        const surname = n.label.name === PERSON_LABEL ? surnameOf(n.text) : null;
        return surname === null ? [] : [{ ...n, text: surname }];
      });
      for (const n of [...known, ...surnames]) {
        const folded = foldArabic(n.text);
        if ([...folded].length < 2) continue;
        const key = `${n.label.name}\u0000${folded}`;
        const seen = byKey.get(key);
        if (seen === undefined || (seen.entityId === null && n.entityId !== null)) byKey.set(key, n);
      }
      const names = [...byKey.values()].sort((a, b) => foldArabic(b.text).length - foldArabic(a.text).length);
      const allowed = documentIds === undefined ? null : new Set(documentIds);
      documentIds?.forEach((id) => ops.document(id));
      // Candidate documents per name, from the search index.
      const perDocument = new Map<number, KnownName[]>();
      for (const n of names) {
        const ids = ops.store.documentsContaining(foldArabic(n.text)) ?? ops.store.documentIds();
        for (const id of ids) {
          if (allowed !== null && !allowed.has(id)) continue;
          const list = perDocument.get(id) ?? [];
          list.push(n);
          perDocument.set(id, list);
        }
      }
      const touched: number[] = [];
      let suggested = 0;
      const home = spanId === undefined ? undefined : ops.span(spanId).document_id;
      const homeSpan = spanId === undefined ? undefined : ops.span(spanId);
      const homeText =
        homeSpan === undefined ? "" : ops.spanText(homeSpan, ops.indexesOf(ops.document(homeSpan.document_id)).offsets);
      const madeAtHome: number[] = [];
      // Named after the name and how many mentions it found (known once the search is done).
      const named = (): ChangeMessage =>
        home === undefined
          ? { kind: "propagate.all" }
          : { kind: "propagate.name", text: excerptForHistory(homeText), count: suggested };
      ops.change(named, null, () => {
        const annotatorId = ops.annotatorId();
        const now = ops.now();
        for (const [documentId, list] of [...perDocument].sort((a, b) => a[0] - b[0])) {
          const doc = ops.document(documentId);
          const shadow = foldedShadow(doc.text);
          const indexes = ops.indexesOf(doc);
          const taken = ops.store
            .spansOf(documentId)
            .filter((s) => s.label_kind === "entity")
            .map((s) => ({ start: s.start, end: s.end }));
          let here = 0;
          const rejected = ops.store.rejectedExtents(documentId);
          for (const n of list) {
            for (const m of findName(shadow, n.text, { partialWords: partialWords === true })) {
              if (taken.some((t) => t.start < m.end && m.start < t.end)) continue;
              // Folding makes the name علي and the preposition على one string; a name is never a preposition.
              if (isClosedClassWord(indexes.offsets.slice(m.start, m.end))) continue;
              if (rejected.has(rejectionKey(n.label.id, m.start, m.end))) continue; // rejected before
              try {
                checkExtent(doc, indexes, n.label, m.start, m.end, null);
              } catch {
                continue; // e.g. a name written across a line break
              }
              taken.push(m);
              const made = ops.store.insertSpan(
                {
                  document_id: documentId,
                  label_id: n.label.id,
                  start: m.start,
                  end: m.end,
                  attributes: {},
                  entity_id: n.entityId,
                  annotator_id: annotatorId,
                  suggested_by: "propagation",
                },
                now,
              );
              if (documentId === home) madeAtHome.push(made);
              here++;
            }
          }
          if (here > 0) {
            touched.push(documentId);
            suggested += here;
          }
        }
      });
      const homeDoc = home === undefined ? undefined : ops.document(home);
      const inDocument =
        homeDoc === undefined
          ? []
          : madeAtHome.map((id) => spanView(ops, ops.span(id), ops.indexesOf(homeDoc).offsets));
      return { suggested, documentIds: touched, inDocument };
    },
  };
}
