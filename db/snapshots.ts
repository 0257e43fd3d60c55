/**
 * Snapshots of the rows an annotation change touches, and putting them back: the
 * mechanism behind undo and redo. A change is a list of `{kind, id, before, after}`; undo
 * restores each `before` in reverse order, redo each `after` in order. A null snapshot
 * means "no such row" (created by the change, or deleted by it).
 *
 * Rows are written back with an upsert (`INSERT … ON CONFLICT(id) DO UPDATE`), never with
 * `REPLACE`, which would delete the row first and cascade to its relations.
 */
import { foldedShadow } from "../core/text/normalize.ts";
import type { Prepare } from "./statements.ts";

/**
 * What kind of row a change touched. `document` is a document's status and metadata (undo
 * never touches its text); `document_whole` is the whole row with its text and search index
 * row (deleting a document, undone by putting it back); `export_line` is a document's kept
 * native JSONL line (migration 4), keyed by the document's id.
 */
export type SnapshotKind =
  "span" | "relation" | "entity" | "label" | "document" | "document_whole" | "export_line" | "cue_lemma" | "rejection";

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
  /** The key column (`id` unless named). */
  key?: string;
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
  document_whole: {
    table: "documents",
    columns: [
      "id",
      "title",
      "published_raw",
      "published_iso",
      "source",
      "url",
      "outlet",
      "author",
      "lang",
      "text",
      "text_sha256",
      "had_bom",
      "length",
      "status",
      "created_at",
      "updated_at",
      "origin",
    ],
  },
  export_line: { table: "export_cache", key: "document_id", columns: ["document_id", "line"] },
  rejection: { table: "rejected_suggestions", columns: ["id", "document_id", "label_id", "start", "end"] },
  cue_lemma: {
    table: "cue_lemmas",
    columns: ["id", "lemma", "kind", "forms", "participles", "introducers", "position"],
  },
};

/** Prepared-statement lookup of the store (`db/statements.ts`). */
export type { Prepare };

const quote = (column: string) => `"${column}"`;

/** The current state of a row, or null when it does not exist. */
export function snapshot(prepare: Prepare, kind: SnapshotKind, id: number): Snapshot | null {
  const { table, columns, key = "id" } = TABLES[kind];
  const row = prepare(`SELECT ${columns.map(quote).join(", ")} FROM ${table} WHERE ${key} = ?`).get(id) as
    Snapshot | undefined;
  if (row === undefined) return null;
  if (kind === "span") {
    row["fragments"] = prepare(`SELECT start, "end" FROM span_fragments WHERE span_id = ? ORDER BY start`).all(id);
  }
  return row;
}

/**
 * Put a row back in the state `state` (null: delete it). A whole document is deleted with
 * everything that hangs off it (foreign keys cascade) and its search index row, and put back
 * with its search index row; its spans, relations, rejections and kept line are rows of
 * their own in the same change.
 */
export function restore(prepare: Prepare, kind: SnapshotKind, id: number, state: Snapshot | null): void {
  const { table, columns, updateOnly, key = "id" } = TABLES[kind];
  if (kind === "document_whole") prepare("DELETE FROM text_search WHERE rowid = ?").run(id);
  if (state === null) {
    if (!updateOnly) prepare(`DELETE FROM ${table} WHERE ${key} = ?`).run(id);
    return;
  }
  const values = columns.map((c) => state[c] ?? null);
  const others = columns.filter((c) => c !== key);
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
     ON CONFLICT (${key}) DO UPDATE SET ${others.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(", ")}`,
  ).run(...values);
  if (kind === "document_whole") {
    const text = state["text"] as string;
    prepare("INSERT INTO text_search (rowid, folded) VALUES (?, ?)").run(id, foldedShadow(text).folded);
  }
  if (kind === "span") {
    prepare("DELETE FROM span_fragments WHERE span_id = ?").run(id);
    const insert = prepare(`INSERT INTO span_fragments (span_id, start, "end") VALUES (?, ?, ?)`);
    for (const f of (state["fragments"] ?? []) as { start: number; end: number }[]) insert.run(id, f.start, f.end);
  }
}

/** What a restored row may refer to, which another change may have deleted. */
export type RowReference = "document" | "span" | "relation" | "entity";

/** Why undoing or redoing a change cannot put its rows back. */
export type RestoreObstacle =
  /** A row the change would restore refers to a row that is gone (deleted since, perhaps elsewhere). */
  | { kind: "gone"; what: RowReference; id: number }
  /** A row the change would bring back has its id taken again by another row. */
  | { kind: "taken"; what: SnapshotKind; id: number }
  /** A document the change would bring back has its text in the project again, as document `by`. */
  | { kind: "text_again"; documentId: number; by: number };

const TABLE_OF: Readonly<Record<RowReference, string>> = {
  document: "documents",
  span: "spans",
  relation: "relations",
  entity: "entities",
};

/** The columns of a row that name other rows (labels, relation types and annotators are never deleted). */
const REFERENCES: Readonly<Partial<Record<SnapshotKind, readonly (readonly [string, RowReference])[]>>> = {
  span: [
    ["document_id", "document"],
    ["entity_id", "entity"],
  ],
  relation: [
    ["document_id", "document"],
    ["from_span_id", "span"],
    ["to_span_id", "span"],
    ["to_entity_id", "entity"],
  ],
  rejection: [["document_id", "document"]],
  document: [["id", "document"]],
  export_line: [["document_id", "document"]],
};

/**
 * What would stop `restore` from putting a change's rows back in `direction` (undo: each
 * `before` in reverse order; redo: each `after` in order) on the project as it is now, or
 * null. Walks the steps in their order, so that a row the change itself deletes or brings
 * back earlier counts as such.
 */
export function restoreObstacle(
  prepare: Prepare,
  changes: readonly RowChange[],
  direction: "undo" | "redo",
): RestoreObstacle | null {
  const steps = direction === "undo" ? [...changes].reverse() : changes;
  const present = new Map<string, boolean>();
  const exists = (table: string, key: string, id: number): boolean => {
    const known = present.get(`${table}:${String(id)}`);
    return known ?? prepare(`SELECT 1 FROM ${table} WHERE ${key} = ?`).get(id) !== undefined;
  };
  for (const c of steps) {
    const [from, to] = direction === "undo" ? [c.after, c.before] : [c.before, c.after];
    const { table, key = "id" } = TABLES[c.kind];
    if (to !== null) {
      if (from === null && c.kind !== "export_line" && exists(table, key, c.id)) {
        return { kind: "taken", what: c.kind, id: c.id };
      }
      if (c.kind === "document_whole" && from === null) {
        const other = prepare("SELECT id FROM documents WHERE text_sha256 = ?").get(to["text_sha256"]) as
          { id: number } | undefined;
        if (other !== undefined) return { kind: "text_again", documentId: c.id, by: other.id };
      }
      for (const [column, what] of REFERENCES[c.kind] ?? []) {
        const ref = to[column];
        if (typeof ref === "number" && !exists(TABLE_OF[what], "id", ref)) return { kind: "gone", what, id: ref };
      }
    }
    if (c.kind !== "document") present.set(`${table}:${String(c.id)}`, to !== null);
  }
  return null;
}
