/**
 * The change log behind the feed (migration 10): while a write transaction runs, the store
 * notes each object it creates, updates or deletes; at commit one `change_log` row records
 * them with the revision, annotator and client. Reads of the log serve views that catch up
 * from a revision (including writes by another process on the same file). JSON is encoded
 * and decoded here only.
 */
import type { ChangeRecord, ChangedType, ChangesSince, ObjectChange } from "../core/change-feed.ts";
import type { Prepare } from "./statements.ts";

/** How many records are kept; a view further behind reloads everything. */
const KEEP = 20_000;

/** Most spans, relations and rejections one record lists one by one. */
const DETAIL_LIMIT = 1000;

/** The objects one write transaction touched, net of each other (created then deleted: nothing). */
export class ChangeCollector {
  readonly #changes = new Map<string, ObjectChange>();

  /** Note that `type` `id` was created, updated or deleted. */
  note(kind: ObjectChange["kind"], type: ChangedType, id: number): void {
    const key = `${type}:${String(id)}`;
    const known = this.#changes.get(key);
    if (known === undefined) {
      this.#changes.set(key, { kind, type, id });
    } else if (kind === "deleted") {
      if (known.kind === "created") this.#changes.delete(key);
      else known.kind = "deleted";
    } else if (known.kind === "deleted" && kind === "created") {
      known.kind = "updated";
    }
  }

  get size(): number {
    return this.#changes.size;
  }

  /**
   * The changes, in the order first noted. A write of more than `DETAIL_LIMIT` spans,
   * relations and rejections (an import) lists their documents instead (`updated` unless
   * created): a view reloads such a document whole.
   */
  list(): ObjectChange[] {
    const all = [...this.#changes.values()];
    const fine = all.filter((c) => c.type === "span" || c.type === "relation" || c.type === "rejection");
    if (fine.length <= DETAIL_LIMIT) return all;
    // Every span or relation also noted its document as updated (ProjectStore's #track).
    return all
      .filter((c) => !fine.includes(c))
      .map((c) => (c.type === "document" && c.kind !== "deleted" ? { ...c, whole: true as const } : c));
  }
}

/**
 * Append one record; returns its revision. Trims the log to the last `KEEP` records.
 * @param at ISO 8601 timestamp
 */
export function appendChange(
  prepare: Prepare,
  at: string,
  annotator: string,
  client: string,
  changes: readonly ObjectChange[],
): number {
  const revision = Number(
    prepare("INSERT INTO change_log (at, annotator, client, changes) VALUES (?, ?, ?, ?)").run(
      at,
      annotator,
      client,
      JSON.stringify(changes),
    ).lastInsertRowid,
  );
  if (revision % 1000 === 0) prepare("DELETE FROM change_log WHERE revision <= ?").run(revision - KEEP);
  return revision;
}

/** The project's revision: the last record's (0 before any write). */
export function currentRevision(prepare: Prepare): number {
  // The log is trimmed from its oldest end only, so its last record is the last revision.
  const row = prepare("SELECT coalesce(max(revision), 0) AS seq FROM change_log").get() as { seq: number };
  return row.seq;
}

/**
 * Records after `revision`, oldest first, at most `limit`.
 * @param revision the last revision a view has seen
 */
export function changesSince(prepare: Prepare, revision: number, limit = 500): ChangesSince {
  const now = currentRevision(prepare);
  const rows = prepare(
    "SELECT revision, at, annotator, client, changes FROM change_log WHERE revision > ? ORDER BY revision LIMIT ?",
  ).all(revision, limit) as { revision: number; at: string; annotator: string; client: string; changes: string }[];
  const first = rows[0]?.revision;
  // Gone: trimmed records, or a view ahead of the file (a project put back from a copy).
  const reset = revision > now || (revision < now && (first === undefined || first > revision + 1));
  const records: ChangeRecord[] = rows.map((r) => ({
    revision: r.revision,
    at: r.at,
    annotator: r.annotator,
    client: r.client,
    changes: JSON.parse(r.changes) as ObjectChange[],
  }));
  return { revision: now, records, reset };
}

/** Who changed an object after a revision a client's view was at. */
export interface LaterChange {
  revision: number;
  annotator: string;
  client: string;
}

/**
 * The first record after `revision`, by a client other than `client`, that touched `type`
 * `id` (any object of the type when `id` is null) — or the document `documentId` written whole (an import-sized write lists documents,
 * not spans). `"trimmed"` when records after `revision` are no longer kept (a view that far
 * behind cannot say what it was based on); null when nothing else touched it.
 * @param revision the revision the client's view was at
 */
export function changedSince(
  prepare: Prepare,
  revision: number,
  type: ChangedType,
  id: number | null,
  documentId: number | null,
  client: string,
): LaterChange | "trimmed" | null {
  const now = currentRevision(prepare);
  if (revision >= now) return null;
  const oldest = prepare("SELECT min(revision) AS first FROM change_log").get() as { first: number | null };
  if (oldest.first === null || oldest.first > revision + 1) return "trimmed";
  const rows = prepare(
    "SELECT revision, annotator, client, changes FROM change_log WHERE revision > ? AND client <> ? ORDER BY revision",
  ).all(revision, client) as (LaterChange & { changes: string })[];
  for (const row of rows) {
    const changes = JSON.parse(row.changes) as ObjectChange[];
    const touched = changes.some(
      (c) =>
        (c.type === type && (id === null || c.id === id)) ||
        (documentId !== null && c.type === "document" && c.id === documentId && c.whole === true),
    );
    if (touched) return { revision: row.revision, annotator: row.annotator, client: row.client };
  }
  return null;
}
