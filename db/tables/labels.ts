/**
 * The label schema and the relation types (`labels`, `relation_types`).
 * Part of the project store (db/project.ts); reads return rows of `db/rows.ts`.
 */
import {
  DEFAULT_LABELS,
  DEFAULT_RELATION_TYPES,
  type AttributeDefinition,
  type LabelDefinition,
  type LabelKind,
  type RelationTypeDefinition,
} from "../../core/labels.ts";
import type { StoreContext } from "../store-context.ts";
import type { LabelRow } from "../rows.ts";

/** A label with its row id. */
export type StoredLabel = LabelDefinition & { id: number };

/** A label's columns as a `labels` row holds them (attributes as JSON), without its id and position. */
function labelColumns(label: LabelDefinition): Omit<LabelRow, "id" | "position"> {
  return {
    name: label.name,
    kind: label.kind,
    display_name: label.displayName,
    key: label.key,
    color: label.color,
    attributes: JSON.stringify(label.attributes),
    retired: label.retired ? 1 : 0,
  };
}

/** The label schema and the relation types: reads and writes. */
export class LabelsTable {
  readonly #c: StoreContext;

  constructor(c: StoreContext) {
    this.#c = c;
  }

  /** The label schema, in display order. */
  labels(): StoredLabel[] {
    const rows = this.#c.q("SELECT * FROM labels ORDER BY position, id").all() as LabelRow[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      displayName: r.display_name,
      key: r.key,
      color: r.color,
      attributes: JSON.parse(r.attributes) as AttributeDefinition[],
      retired: r.retired === 1,
    }));
  }

  /** Add a label at the end of the schema; returns its id. */
  insertLabel(label: LabelDefinition): number {
    return this.#c.track("label", null, () => {
      const position = (this.#c.q("SELECT coalesce(max(position), -1) + 1 AS p FROM labels").get() as { p: number }).p;
      return Number(
        this.#c
          .q(
            `INSERT INTO labels (name, kind, display_name, key, color, attributes, retired, position)
             VALUES (@name, @kind, @display_name, @key, @color, @attributes, @retired, @position)`,
          )
          .run({ ...labelColumns(label), position }).lastInsertRowid,
      );
    });
  }

  /** Replace a label's definition (its spans follow, by id). */
  updateLabel(id: number, label: LabelDefinition): void {
    this.#c.track("label", id, () => {
      this.#c
        .q(
          `UPDATE labels SET name = @name, kind = @kind, display_name = @display_name, key = @key, color = @color,
                  attributes = @attributes, retired = @retired
           WHERE id = @id`,
        )
        .run({ ...labelColumns(label), id });
      return undefined;
    });
  }

  /** Number of spans per label id. */
  labelUsage(): Map<number, number> {
    const rows = this.#c.q("SELECT label_id, count(*) AS n FROM spans GROUP BY label_id").all() as {
      label_id: number;
      n: number;
    }[];
    return new Map(rows.map((r) => [r.label_id, r.n]));
  }

  /** The relation types. */
  relationTypes(): (RelationTypeDefinition & { id: number })[] {
    const rows = this.#c.q("SELECT * FROM relation_types ORDER BY id").all() as {
      id: number;
      name: string;
      display_name: string;
      from_kind: LabelKind;
      to_kind: LabelKind;
    }[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      displayName: r.display_name,
      fromKind: r.from_kind,
      toKind: r.to_kind,
    }));
  }

  /** Relation type rows, by name. */
  relationTypeId(name: string): number | undefined {
    return (this.#c.q("SELECT id FROM relation_types WHERE name = ?").get(name) as { id: number } | undefined)?.id;
  }

  /** Add a relation type (an import may bring one). */
  insertRelationType(t: RelationTypeDefinition): number {
    this.#c.note("updated", "schema", 0);
    return Number(
      this.#c
        .q("INSERT INTO relation_types (name, display_name, from_kind, to_kind) VALUES (?, ?, ?, ?)")
        .run(t.name, t.displayName, t.fromKind, t.toKind).lastInsertRowid,
    );
  }

  /** Replace the label schema and relation types (only while no span uses them). */
  replaceSchema(labels: readonly LabelDefinition[], relationTypes: readonly RelationTypeDefinition[]): void {
    this.#c.q("DELETE FROM labels").run();
    this.#c.q("DELETE FROM relation_types").run();
    labels.forEach((l) => this.insertLabel(l));
    for (const t of relationTypes) this.insertRelationType(t);
    this.#c.note("updated", "schema", 0);
  }

  /** Give a new project the default schema (`core/labels.ts`). */
  seedDefaults(): void {
    for (const l of DEFAULT_LABELS) this.insertLabel(l);
    for (const t of DEFAULT_RELATION_TYPES) this.insertRelationType(t);
  }
}
