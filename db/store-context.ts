/**
 * What every table module of the store shares: the statement cache, the undo recorder's
 * `track`, and the change log's `note`. The table modules (`db/tables/`) know rows; the
 * facade (`ProjectStore`, db/project.ts) wires them to one connection.
 */
import type { ChangedType } from "../core/change-feed.ts";
import type { Dialect } from "./connection.ts";
import type { SnapshotKind } from "./snapshots.ts";
import type { Prepare } from "./statements.ts";

/** What a table module writes and reads through. */
export interface StoreContext {
  /** The database's SQL dialect, for the few statements that differ (db/connection.ts). */
  readonly dialect: Dialect;
  /** A prepared statement for `sql`, prepared once per open project. */
  readonly q: Prepare;
  /**
   * Run `mutate` on one row, with the row's state recorded before and after while an
   * annotation change is recorded (`UndoRecorder.track`), and noted for the change log.
   * @param id the row, or null when `mutate` inserts one and returns its id
   * @returns the row's id
   */
  track(kind: SnapshotKind, id: number | null, mutate: () => number | undefined): number;
  /** Note an object a write touched, for the change log (outside a transaction, or `type` null: nothing). */
  note(kind: "created" | "updated" | "deleted", type: ChangedType | null, id: number): void;
  /**
   * The id the next row of a table gets: one no row of it ever had, deleted rows included
   * (`id_high_water`, migrations 8 and 11; PostgreSQL's identity sequence).
   */
  nextId(table: "documents" | "spans" | "relations" | "entities"): number;
}
