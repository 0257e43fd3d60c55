/**
 * Relations (`relations`): typed links from a span to a span or to an entity.
 * Part of the project store (db/project.ts); reads return rows of `db/rows.ts`.
 */
import type { NewRelation, RelationRow } from "../rows.ts";
import type { StoreContext } from "../store-context.ts";

/** A relation row with its type's and annotator's names (`RelationRow`). */
const RELATION_SELECT = `
  SELECT r.id, r.document_id, t.name AS type, r.from_span_id, r.to_span_id, r.to_entity_id, a.name AS annotator,
         r.created_at
  FROM relations r JOIN relation_types t ON t.id = r.type_id JOIN annotators a ON a.id = r.annotator_id`;

/** Relations: reads and writes. */
export class RelationsTable {
  readonly #c: StoreContext;

  constructor(c: StoreContext) {
    this.#c = c;
  }

  /** A document's relations, by id. */
  relationsOf(documentId: number): RelationRow[] {
    return this.#c.q(`${RELATION_SELECT} WHERE r.document_id = ? ORDER BY r.id`).all(documentId) as RelationRow[];
  }

  /** The relations of many documents (all when null), by document, then id. */
  relationsOfDocuments(documentIds: readonly number[] | null): RelationRow[] {
    if (documentIds === null) {
      return this.#c.q(`${RELATION_SELECT} ORDER BY r.document_id, r.id`).all() as RelationRow[];
    }
    return this.#c
      .q(`${RELATION_SELECT} WHERE r.document_id IN (SELECT value FROM json_each(?)) ORDER BY r.document_id, r.id`)
      .all(JSON.stringify(documentIds)) as RelationRow[];
  }

  /** Relations that start or end at a span. */
  relationsTouching(spanId: number): RelationRow[] {
    return this.#c
      .q(`${RELATION_SELECT} WHERE r.from_span_id = ? OR r.to_span_id = ? ORDER BY r.id`)
      .all(spanId, spanId) as RelationRow[];
  }

  /** Relations that point to an entity (carried-over speakers), in every document. */
  relationsToEntity(entityId: number): RelationRow[] {
    return this.#c.q(`${RELATION_SELECT} WHERE r.to_entity_id = ? ORDER BY r.id`).all(entityId) as RelationRow[];
  }

  /** One relation, or undefined. */
  relation(id: number): RelationRow | undefined {
    return this.#c.q(`${RELATION_SELECT} WHERE r.id = ?`).get(id) as RelationRow | undefined;
  }

  /** Insert a relation; returns its id. */
  insertRelation(r: NewRelation, now: string): number {
    return this.#c.track("relation", null, () => {
      // Never an id a deleted relation had (migration 11).
      const id = this.#c.nextId("relations");
      this.#c
        .q(
          `INSERT INTO relations (id, document_id, type_id, from_span_id, to_span_id, to_entity_id, annotator_id, created_at)
           VALUES (@id, @document_id, @type_id, @from_span_id, @to_span_id, @to_entity_id, @annotator_id, @now)`,
        )
        .run({ ...r, id, now });
      return id;
    });
  }

  /** Point a relation to another entity (entity merges). */
  retargetRelation(id: number, toEntityId: number): void {
    this.#c.track("relation", id, () => {
      this.#c.q("UPDATE relations SET to_entity_id = ? WHERE id = ?").run(toEntityId, id);
      return undefined;
    });
  }

  /** Delete a relation. */
  deleteRelation(id: number): void {
    this.#c.track("relation", id, () => {
      this.#c.q("DELETE FROM relations WHERE id = ?").run(id);
      return undefined;
    });
  }
}
