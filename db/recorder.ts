/**
 * The undo recorder: an annotation change (`change`) runs in one write transaction with the
 * state of every row it touches recorded before and after (`track`, db/snapshots.ts), kept
 * as one `history` row; `undo` restores the `before`s in reverse order, `redo` the `after`s.
 * History is scoped to the current actor's client and annotator (ARCHITECTURE.md §8).
 */
import type { ChangedType } from "../core/change-feed.ts";
import type { ChangeMessage } from "../core/change-message.ts";
import type { HistoryRow, HistoryText } from "./rows.ts";
import {
  restore,
  restoreObstacle,
  snapshot,
  type RestoreObstacle,
  type RowChange,
  type SnapshotKind,
} from "./snapshots.ts";
import type { Prepare } from "./statements.ts";
import type { WriteTransactions } from "./write-transaction.ts";

/** How many history entries a project keeps (older ones can no longer be undone). */
const HISTORY_LIMIT = 5000;

/** The feed's name for each kind of row the undo history snapshots (null: not an object views show). */
const FEED_TYPE: Readonly<Record<SnapshotKind, ChangedType | null>> = {
  span: "span",
  relation: "relation",
  entity: "entity",
  label: "label",
  document: "document",
  document_whole: "document",
  export_line: null,
  cue_lemma: "cue",
  rejection: "rejection",
};

/** A `history` row as SQLite holds it: the message as JSON. */
type EncodedEntry = Omit<HistoryRow, "message"> & { message: string | null };

/** A history entry with its message decoded (null for none). */
function decodeEntry(row: EncodedEntry | undefined): HistoryRow | null {
  if (row === undefined) return null;
  return { ...row, message: row.message === null ? null : (JSON.parse(row.message) as ChangeMessage) };
}

/** The columns of a history entry as `HistoryRow` has them. */
const ENTRY_COLUMNS = "h.id, h.description, h.message, h.document_id, h.undone, h.created_at";

/** The undo history of one connection. */
export class UndoRecorder {
  readonly #q: Prepare;
  readonly #writes: WriteTransactions;
  #recording: RowChange[] | null = null;

  constructor(q: Prepare, writes: WriteTransactions) {
    this.#q = q;
    this.#writes = writes;
  }

  /**
   * Run `fn` as one annotation change: in one transaction, with the rows it touches
   * recorded before and after so that `undo` can put them back. Clears what this client
   * and annotator could redo.
   * @param entry what people see in the undo button: `description` in English, e.g.
   *   `Add Quote «…»`, and `message`, the same as data for other languages
   */
  change<T>(
    entry: HistoryText | ((result: T) => HistoryText),
    documentId: number | null,
    annotatorId: number,
    now: string,
    fn: () => T,
  ): T {
    return this.#writes.run(() => {
      const outer = this.#recording;
      const changes: RowChange[] = [];
      this.#recording = changes;
      try {
        const result = fn();
        if (changes.length > 0) {
          const { client } = this.#writes.actor;
          // A new change of this client ends what this client could redo; others keep theirs.
          this.#q("DELETE FROM history WHERE undone = 1 AND client = ? AND annotator_id = ?").run(client, annotatorId);
          const { description, message } = typeof entry === "function" ? entry(result) : entry;
          const json = JSON.stringify(message);
          const id = Number(
            this.#q(
              `INSERT INTO history (description, message, document_id, annotator_id, changes, created_at, client)
               VALUES (?, ?, ?, ?, ?, ?, ?)`,
            ).run(description, json, documentId, annotatorId, JSON.stringify(changes), now, client).lastInsertRowid,
          );
          this.#q("DELETE FROM history WHERE id <= ?").run(id - HISTORY_LIMIT);
        }
        return result;
      } finally {
        this.#recording = outer;
      }
    });
  }

  /**
   * Run `mutate` on one row: while a change is recorded, its state before and after is kept;
   * inside a transaction, it is noted for the change log (and so is the document of a span
   * or relation, whose counts change).
   * @param id the row, or null when `mutate` inserts one and returns its id
   * @returns the row's id
   */
  track(kind: SnapshotKind, id: number | null, mutate: () => number | undefined): number {
    const recording = this.#recording;
    const before = recording !== null && id !== null ? snapshot(this.#q, kind, id) : null;
    const returned = mutate();
    const target = id ?? returned ?? 0;
    const after = recording !== null || (this.#writes.active && id !== null) ? snapshot(this.#q, kind, target) : null;
    if (recording !== null) recording.push({ kind, id: target, before, after });
    this.#writes.note(id === null ? "created" : after === null ? "deleted" : "updated", FEED_TYPE[kind], target);
    // A span or relation changes its document's counts: views refresh that document's line.
    const documentId = (after ?? before)?.["document_id"];
    if (typeof documentId === "number") this.#writes.note("updated", "document", documentId);
    return target;
  }

  /** Whether an annotation change is being recorded. */
  get recording(): boolean {
    return this.#recording !== null;
  }

  /**
   * The change `undo` would revert and the one `redo` would apply again, for the current
   * actor: undo and redo are scoped to the client and annotator that made the change.
   */
  historyState(): { undo: HistoryRow | null; redo: HistoryRow | null } {
    const mine = "FROM history h JOIN annotators a ON a.id = h.annotator_id WHERE h.client = ? AND a.name = ?";
    const { client, annotator } = this.#writes.actor;
    const undo = this.#q(`SELECT ${ENTRY_COLUMNS} ${mine} AND h.undone = 0 ORDER BY h.id DESC LIMIT 1`).get(
      client,
      annotator,
    ) as EncodedEntry | undefined;
    const redo = this.#q(`SELECT ${ENTRY_COLUMNS} ${mine} AND h.undone = 1 ORDER BY h.id ASC LIMIT 1`).get(
      client,
      annotator,
    ) as EncodedEntry | undefined;
    return { undo: decodeEntry(undo), redo: decodeEntry(redo) };
  }

  /**
   * The first later change, made by another client or annotator and still in effect, that
   * touched a row of history entry `historyId`: undoing or redoing that entry would undo
   * across it. Null when there is none.
   */
  builtOnBy(historyId: number): HistoryRow | null {
    const rows = new Set(this.#changesOf(historyId).map((c) => `${c.kind}:${String(c.id)}`));
    const { client, annotator } = this.#writes.actor;
    const later = this.#q(
      `SELECT ${ENTRY_COLUMNS}, h.changes
       FROM history h JOIN annotators a ON a.id = h.annotator_id
       WHERE h.id > ? AND h.undone = 0 AND NOT (h.client = ? AND a.name = ?) ORDER BY h.id`,
    ).all(historyId, client, annotator) as (EncodedEntry & { changes: string })[];
    for (const { changes, ...entry } of later) {
      if ((JSON.parse(changes) as RowChange[]).some((c) => rows.has(`${c.kind}:${String(c.id)}`))) {
        return decodeEntry(entry);
      }
    }
    return null;
  }

  /**
   * What would stop undoing (or redoing) history entry `historyId` from putting its rows back
   * on the project as it is now: a row they refer to deleted since, an id taken again, a
   * deleted document's text imported again. Null when nothing would.
   */
  restoreObstacle(historyId: number, direction: "undo" | "redo"): RestoreObstacle | null {
    return restoreObstacle(this.#q, this.#changesOf(historyId), direction);
  }

  /** Revert the current actor's latest change; returns it, or null when there is nothing to undo. */
  undo(): HistoryRow | null {
    return this.#apply("undo");
  }

  /** Apply again the current actor's latest undone change; returns it, or null when there is nothing to redo. */
  redo(): HistoryRow | null {
    return this.#apply("redo");
  }

  /** Undo: restore each `before` in reverse order; redo: each `after` in order. Each row is noted for the feed. */
  #apply(direction: "undo" | "redo"): HistoryRow | null {
    return this.#writes.run(() => {
      const entry = this.historyState()[direction];
      if (entry === null) return null;
      const changes = this.#changesOf(entry.id);
      for (const c of direction === "undo" ? changes.reverse() : changes) {
        const [from, to] = direction === "undo" ? [c.after, c.before] : [c.before, c.after];
        restore(this.#q, c.kind, c.id, to);
        this.#writes.note(to === null ? "deleted" : from === null ? "created" : "updated", FEED_TYPE[c.kind], c.id);
      }
      this.#q("UPDATE history SET undone = ? WHERE id = ?").run(direction === "undo" ? 1 : 0, entry.id);
      return entry;
    });
  }

  #changesOf(historyId: number): RowChange[] {
    const row = this.#q("SELECT changes FROM history WHERE id = ?").get(historyId) as { changes: string };
    return JSON.parse(row.changes) as RowChange[];
  }
}
