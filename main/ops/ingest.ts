/**
 * Storing what an import read, in the caller's transaction. A native JSONL file going into
 * an empty project keeps everything — ids, timestamps, statuses, the label schema — so that
 * exporting it again gives the same bytes. Anything else is merged: labels and relation types
 * by name (new ones added), annotators by name, entities by Wikidata id or name and type,
 * documents skipped when their text is already in the project. Every span is checked like
 * one made by hand (inside the text, whole characters, only quotes across line ends).
 */
import type { ImportOutcome } from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import { canonicalDocument, type NativeDocument, type NativeHeader } from "../../core/formats/native-jsonl.ts";
import type { LabelDefinition, RelationTypeDefinition } from "../../core/labels.ts";
import { codePointLength } from "../../core/text/offsets.ts";
import type { DocumentRow } from "../../db/project.ts";
import type { ReadResult } from "../import/read-files.ts";
import type { Ops } from "./context.ts";
import { checkExtent } from "./extent.ts";

function labelDefinitions(header: NativeHeader): LabelDefinition[] {
  return header.labels.map((l) => ({
    name: l.name,
    kind: l.kind,
    displayName: l.display_name,
    key: l.key,
    color: l.color,
    attributes: l.attributes,
    retired: l.retired,
  }));
}

function relationTypeDefinitions(header: NativeHeader): RelationTypeDefinition[] {
  return header.relation_types.map((t) => ({
    name: t.name,
    displayName: t.display_name,
    fromKind: t.from_kind,
    toKind: t.to_kind,
  }));
}

function documentRow(doc: NativeDocument, id: number, length: number): DocumentRow {
  return {
    id,
    title: doc.title,
    published_raw: doc.published?.raw ?? null,
    published_iso: doc.published?.iso ?? null,
    source: doc.source,
    url: doc.url,
    outlet: doc.outlet ?? null,
    author: doc.author ?? null,
    lang: doc.lang,
    text: doc.text,
    text_sha256: doc.text_sha256,
    had_bom: doc.had_bom ? 1 : 0,
    length,
    status: doc.status,
    created_at: doc.created_at,
    updated_at: doc.updated_at,
    origin: doc.origin ?? null,
  };
}

/**
 * Store a read batch (call inside a transaction).
 * @returns one outcome per document, in the batch's order
 * @throws QawlError naming the document and span that breaks a rule
 */
export function ingest(ops: Ops, read: ReadResult): ImportOutcome[] {
  const store = ops.store;
  const exact = read.exact && store.isEmpty();
  if (exact) store.replaceSchema(labelDefinitions(read.header), relationTypeDefinitions(read.header));
  else {
    const known = new Set(store.labels().map((l) => l.name));
    for (const l of labelDefinitions(read.header)) {
      if (known.has(l.name)) continue;
      const keyTaken = store.labels().some((o) => !o.retired && o.key !== null && o.key === l.key);
      store.insertLabel(keyTaken ? { ...l, key: null } : l);
    }
    for (const t of relationTypeDefinitions(read.header)) {
      if (store.relationTypeId(t.name) === undefined) store.insertRelationType(t);
    }
  }
  const labels = new Map(store.labels().map((l) => [l.name, l]));
  const typeIds = new Map(store.relationTypes().map((t) => [t.name, t.id]));
  // Annotators and entities of the file → ids in the project.
  const annotatorIds = new Map<string, number>();
  for (const a of read.header.annotators) {
    if (exact) store.insertAnnotatorRow(a.id, a.name, ops.now());
    annotatorIds.set(a.name, exact ? a.id : store.annotatorId(a.name, ops.now()));
  }
  const annotatorOf = (name: string) => {
    let id = annotatorIds.get(name);
    if (id === undefined) {
      id = store.annotatorId(name, ops.now());
      annotatorIds.set(name, id);
    }
    return id;
  };
  const entityIds = new Map<number, number>();
  const existing = exact ? [] : store.entities();
  for (const e of read.header.entities) {
    if (exact) {
      store.insertEntityRow({
        id: e.id,
        name: e.name,
        type: e.type,
        aliases: e.aliases,
        kb_id: e.kb_id,
        created_at: ops.now(),
      });
      entityIds.set(e.id, e.id);
      continue;
    }
    const same = existing.find(
      (x) => (e.kb_id !== null && x.kb_id === e.kb_id) || (x.name === e.name && x.type === e.type),
    );
    entityIds.set(
      e.id,
      same?.id ?? store.insertEntity({ name: e.name, type: e.type, aliases: e.aliases, kb_id: e.kb_id }, ops.now()),
    );
  }

  /**
   * Store a read document's spans (those `keep` selects) and the relations among them.
   * @returns how many spans were stored
   */
  const storeAnnotation = (
    doc: NativeDocument,
    row: DocumentRow,
    keep: (span: NativeDocument["spans"][number]) => boolean,
  ): number => {
    const file = doc.source ?? doc.title;
    const documentId = row.id;
    const indexes = ops.indexesOf(row);
    const spanIds = new Map<number, number>();
    for (const s of doc.spans) {
      if (!keep(s)) continue;
      const label = labels.get(s.label);
      if (label === undefined)
        throw new QawlError("bad_input", `${file}: span ${String(s.id)}: label ${s.label} is unknown`);
      let fragments;
      try {
        fragments = checkExtent(row, indexes, label, s.start, s.end, s.fragments ?? null);
      } catch (e) {
        throw new QawlError(
          "bad_input",
          `${file}: span ${String(s.id)} (${s.label} «${s.text.slice(0, 30)}»): ${(e as Error).message}; nothing imported`,
        );
      }
      const fields = {
        document_id: documentId,
        label_id: label.id,
        start: s.start,
        end: s.end,
        attributes: s.attributes,
        entity_id: s.entity === undefined ? null : (entityIds.get(s.entity) ?? null),
        note: s.note ?? null,
        annotator_id: annotatorOf(s.annotator),
        created_at: s.created_at,
        updated_at: s.updated_at,
        fragments,
        suggested_by: s.suggested ?? null,
      };
      if (exact) {
        store.insertSpanRow({ id: s.id, ...fields });
        spanIds.set(s.id, s.id);
      } else {
        const id = store.insertSpan({ ...fields, fragments }, s.created_at);
        if (fields.entity_id !== null || fields.note !== null || s.updated_at !== s.created_at) {
          store.editSpan(id, { ...fields, label_id: label.id }, s.updated_at);
        }
        spanIds.set(s.id, id);
      }
    }
    const keptIds = new Set(doc.spans.filter(keep).map((s) => s.id));
    for (const r of doc.relations) {
      // A merged layer's relations are those among its spans (to a span of another layer: left out).
      if (!keptIds.has(r.from) || (r.to !== undefined && !keptIds.has(r.to) && !exact)) continue;
      const typeId = typeIds.get(r.type);
      const from = spanIds.get(r.from);
      const to = r.to === undefined ? null : (spanIds.get(r.to) ?? null);
      const toEntity = r.to_entity === undefined ? null : (entityIds.get(r.to_entity) ?? null);
      if (typeId === undefined || from === undefined || (to === null && toEntity === null)) {
        throw new QawlError(
          "bad_input",
          `${file}: relation ${String(r.id)} refers to something missing; nothing imported`,
        );
      }
      const fields = {
        document_id: documentId,
        type_id: typeId,
        from_span_id: from,
        to_span_id: to,
        to_entity_id: toEntity,
        annotator_id: annotatorOf(r.annotator),
      };
      if (exact) store.insertRow("relation", { id: r.id, ...fields, created_at: r.created_at });
      else store.insertRelation(fields, r.created_at);
    }
    return keptIds.size;
  };

  const outcomes: ImportOutcome[] = [];
  for (const doc of read.documents) {
    const file = doc.source ?? doc.title;
    const duplicate = store.documentBySha256(doc.text_sha256);
    if (duplicate !== undefined) {
      // A native file's document already here: its annotators' layers the project lacks are added.
      const present = new Set(
        store
          .spansOf(duplicate.id)
          .filter((s) => s.suggested_by === null)
          .map((s) => s.annotator),
      );
      const layers = read.exact
        ? [...new Set(doc.spans.filter((s) => s.suggested === undefined).map((s) => s.annotator))].filter(
            (a) => !present.has(a),
          )
        : [];
      if (layers.length === 0) {
        const held = read.exact
          ? [...new Set(doc.spans.filter((s) => s.suggested === undefined).map((s) => s.annotator))]
          : [];
        outcomes.push({
          file,
          status: "duplicate",
          documentId: duplicate.id,
          title: duplicate.title,
          ...(held.length > 0 ? { layers: held } : {}),
        });
        continue;
      }
      const wanted = new Set(layers);
      const spans = storeAnnotation(
        doc,
        ops.document(duplicate.id),
        (s) => s.suggested === undefined && wanted.has(s.annotator),
      );
      outcomes.push({ file, status: "merged", documentId: duplicate.id, title: duplicate.title, layers, spans });
      continue;
    }
    const length = codePointLength(doc.text);
    let documentId: number;
    if (exact) {
      store.insertDocumentRow(documentRow(doc, doc.id, length));
      documentId = doc.id;
    } else {
      documentId = store.insertDocument(
        {
          title: doc.title,
          published_raw: doc.published?.raw ?? null,
          published_iso: doc.published?.iso ?? null,
          source: doc.source,
          url: doc.url,
          outlet: doc.outlet ?? null,
          author: doc.author ?? null,
          lang: doc.lang,
          text: doc.text,
          text_sha256: doc.text_sha256,
          had_bom: doc.had_bom ? 1 : 0,
          length,
          origin: doc.origin ?? null,
        },
        doc.created_at,
      );
    }
    const row: DocumentRow = exact ? documentRow(doc, documentId, length) : ops.document(documentId);
    storeAnnotation(doc, row, () => true);
    // A document read exactly is already its own export line (after every write that drops it).
    if (exact) store.putExportLine(documentId, JSON.stringify(canonicalDocument(doc)));
    outcomes.push({ file, status: "imported", documentId, title: doc.title, length });
  }
  return outcomes;
}
