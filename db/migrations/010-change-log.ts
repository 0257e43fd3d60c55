/**
 * Migration 10: the change feed (ARCHITECTURE.md §8). `change_log` holds one record per committed
 * write: the project's revision (a number every write increments, never reused), when, by
 * which annotator and from which client (a browser tab, the desktop window, the CLI), and
 * what was created, updated or deleted (JSON: `[{"kind", "type", "id"}]`). Views that missed
 * records catch up from the revision they last saw; another process writing the same file
 * is seen through the same table. `history.client` scopes undo to the client that made the
 * change.
 */
export const sql = `
CREATE TABLE change_log (
  revision INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  annotator TEXT NOT NULL,
  client TEXT NOT NULL,
  changes TEXT NOT NULL CHECK (json_valid(changes))
);
ALTER TABLE history ADD COLUMN client TEXT NOT NULL DEFAULT 'local';
`;
