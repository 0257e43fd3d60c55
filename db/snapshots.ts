/**
 * Snapshots of the rows an annotation change touches, and putting them back: the
 * mechanism behind undo and redo. A change is a list of `{kind, id, before, after}`; undo
 * restores each `before` in reverse order, redo each `after` in order. A null snapshot
 * means "no such row" (created by the change, or deleted by it).
 *
 * Rows are written back with an upsert (`INSERT … ON CONFLICT(id) DO UPDATE`), never with
 * `REPLACE`, which would delete the row first and cascade to its relations.
 */
import type Database from "better-sqlite3";

/** What kind of row a change touched. */
export type SnapshotKind = "span" | "relation" | "entity" | "label" | "document" | "cue_lemma" | "rejection";

/** The raw columns of one row (and, for a span, its fragments). */
export type Snapshot = Record<string, unknown>;

/** One row's state before and after a change. */
export interface RowChange {
  kind: SnapshotKind;
  id: number;
  before: Snapshot | null;
  after: Snapshot | null;
}

interface TableOf {
  table: string;
  columns: readonly string[];
  /** Only update existing rows (documents: undo restores their status and metadata, never their text). */
  updateOnly?: boolean;
}

const TABLES: Readonly<Record<SnapshotKind, TableOf>> = {
  span: {
    table: "spans",
    columns: [
      "id",
      "document_id",
      "label_id",
      "start",
      "end",
      "attributes",
      "entity_id",
      "note",
      "annotator_id",
      "created_at",
      "updated_at",
      "suggested_by",
    ],
  },
  relation: {
    table: "relations",
    columns: [
      "id",
      "document_id",
      "type_id",
      "from_span_id",
      "to_span_id",
      "to_entity_id",
      "annotator_id",
      "created_at",
    ],
  },
  entity: { table: "entities", columns: ["id", "name", "type", "aliases", "kb_id", "created_at"] },
  label: {
    table: "labels",
    columns: ["id", "name", "kind", "display_name", "key", "color", "attributes", "retired", "position"],
  },
  document: {
    table: "documents",
    columns: ["id", "status", "updated_at", "title", "published_raw", "published_iso", "url", "outlet", "author"],
    updateOnly: true,
  },
  rejection: { table: "rejected_suggestions", columns: ["id", "document_id", "label_id", "start", "end"] },
  cue_lemma: {
    table: "cue_lemmas",
    columns: ["id", "lemma", "kind", "forms", "participles", "introducers", "position"],
  },
};

/** Prepared-statement lookup of the store. */
export type Prepare = (sql: string) => Database.Statement;

const quote = (column: string) => `"${column}"`;

/** The current state of a row, or null when it does not exist. */
export function snapshot(prepare: Prepare, kind: SnapshotKind, id: number): Snapshot | null {
  const { table, columns } = TABLES[kind];
  const row = prepare(`SELECT ${columns.map(quote).join(", ")} FROM ${table} WHERE id = ?`).get(id) as
    Snapshot | undefined;
  if (row === undefined) return null;
  if (kind === "span") {
    row["fragments"] = prepare(`SELECT start, "end" FROM span_fragments WHERE span_id = ? ORDER BY start`).all(id);
  }
  return row;
}

/** Put a row back in the state `state` (null: delete it). */
export function restore(prepare: Prepare, kind: SnapshotKind, id: number, state: Snapshot | null): void {
  const { table, columns, updateOnly } = TABLES[kind];
  if (state === null) {
    if (!updateOnly) prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
    return;
  }
  const values = columns.map((c) => state[c] ?? null);
  const others = columns.filter((c) => c !== "id");
  if (updateOnly) {
    // Only the columns the snapshot holds: a change recorded before migration 9 has no title.
    const held = others.filter((c) => c in state);
    prepare(`UPDATE ${table} SET ${held.map((c) => `${quote(c)} = ?`).join(", ")} WHERE id = ?`).run(
      ...held.map((c) => state[c] ?? null),
      id,
    );
    return;
  }
  prepare(
    `INSERT INTO ${table} (${columns.map(quote).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})
     ON CONFLICT (id) DO UPDATE SET ${others.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(", ")}`,
  ).run(...values);
  if (kind === "span") {
    prepare("DELETE FROM span_fragments WHERE span_id = ?").run(id);
    const insert = prepare(`INSERT INTO span_fragments (span_id, start, "end") VALUES (?, ?, ?)`);
    for (const f of (state["fragments"] ?? []) as { start: number; end: number }[]) insert.run(id, f.start, f.end);
  }
}
