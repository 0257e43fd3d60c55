/**
 * Migration 8: `id_high_water`, the highest id a kind of row ever had (`documents`), so
 * that an id is never given again after the row with it was deleted: a script or an old
 * export that names document 2 must never reach a different article. (SQLite reuses the
 * largest rowid once that row is gone; AUTOINCREMENT would need the table rebuilt.)
 */
export const sql = `
CREATE TABLE id_high_water (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
`;
