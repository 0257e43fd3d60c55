/**
 * Entities (`entities`): canonical names that spans of any document refer to.
 * Part of the project store (db/project.ts); reads return rows of `db/rows.ts`.
 */
import type { EntityRow } from "../rows.ts";
import type { StoreContext } from "../store-context.ts";

/** An `entities` row as SQLite holds it: aliases as a JSON array. */
type Encoded = Omit<EntityRow, "aliases"> & { aliases: string };

/** An entity's aliases from their JSON column. */
function decodeAliases(json: string): string[] {
  return JSON.parse(json) as string[];
}

/** Entities: reads and writes. */
export class EntitiesTable {
  readonly #c: StoreContext;

  constructor(c: StoreContext) {
    this.#c = c;
  }

  /** Every entity with the number of accepted spans (not suggestions) that refer to it, by name. */
  entities(): (EntityRow & { mentions: number })[] {
    const rows = this.#c
      .q(
        `SELECT e.*, (SELECT count(*) FROM spans s WHERE s.entity_id = e.id AND s.suggested_by IS NULL) AS mentions
       FROM entities e ORDER BY e.name COLLATE NOCASE, e.id`,
      )
      .all() as (Encoded & { mentions: number })[];
    return rows.map((r) => ({ ...r, aliases: decodeAliases(r.aliases) }));
  }

  /** One entity, or undefined. */
  entity(id: number): EntityRow | undefined {
    const row = this.#c.q("SELECT * FROM entities WHERE id = ?").get(id) as Encoded | undefined;
    return row === undefined ? undefined : { ...row, aliases: decodeAliases(row.aliases) };
  }

  /** Insert an entity; returns its id. */
  insertEntity(e: Omit<EntityRow, "id" | "created_at">, now: string): number {
    return this.#c.track("entity", null, () => {
      // Never an id a deleted entity had (migration 11).
      const id = this.#c.nextId("entities");
      this.#c
        .q("INSERT INTO entities (id, name, type, aliases, kb_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .run(id, e.name, e.type, JSON.stringify(e.aliases), e.kb_id, now);
      return id;
    });
  }

  /** Insert an entity exactly as given (its id kept: an exact import). */
  insertEntityRow(row: EntityRow): void {
    this.#c
      .q("INSERT INTO entities (id, name, type, aliases, kb_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(row.id, row.name, row.type, JSON.stringify(row.aliases), row.kb_id, row.created_at);
    this.#c.note("created", "entity", row.id);
  }

  /** Change an entity's name, type, aliases or knowledge-base id. */
  updateEntity(id: number, e: Omit<EntityRow, "id" | "created_at">): void {
    this.#c.track("entity", id, () => {
      this.#c
        .q("UPDATE entities SET name = ?, type = ?, aliases = ?, kb_id = ? WHERE id = ?")
        .run(e.name, e.type, JSON.stringify(e.aliases), e.kb_id, id);
      return undefined;
    });
  }

  /** Delete an entity (move or unlink its spans and relations first, so that undo can restore them). */
  deleteEntity(id: number): void {
    this.#c.track("entity", id, () => {
      this.#c.q("DELETE FROM entities WHERE id = ?").run(id);
      return undefined;
    });
  }
}
