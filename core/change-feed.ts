/**
 * The change feed's records (ARCHITECTURE.md §8): one per committed write of a project, numbered by
 * the project's revision, which every write increments and no write ever reuses. Hosts push
 * them (Electron IPC, `qawl serve`'s event stream); views apply them. No dependencies, so
 * the page can use the types.
 */

/** What kind of object a write touched. */
export type ChangedType = "document" | "span" | "relation" | "entity" | "label" | "cue" | "rejection" | "schema";

/** What one write did to one object (`id` 0 for the schema as a whole). */
export interface ObjectChange {
  kind: "created" | "updated" | "deleted";
  type: ChangedType;
  id: number;
  /**
   * On a document: its spans and relations changed too many to list one by one (an import,
   * a big undo); a view reloads the document whole.
   */
  whole?: true;
}

/** One committed write. */
export interface ChangeRecord {
  /** The project's revision after this write (1, 2, 3…; never reused). */
  revision: number;
  /** ISO 8601 timestamp (UTC). */
  at: string;
  /** Who wrote it. */
  annotator: string;
  /** From where: a browser tab's id, `desktop`, `cli`, or `local` for a host that names none. */
  client: string;
  changes: ObjectChange[];
}

/** The records after a revision, or word that they are gone (a view that saw none of them reloads). */
export interface ChangesSince {
  /** The project's revision now. */
  revision: number;
  /** Records after the asked revision, oldest first. */
  records: ChangeRecord[];
  /** True when records after the asked revision were trimmed away: reload everything. */
  reset: boolean;
}
