/**
 * Migration 11: spans, relations and entities never get an id a deleted row had. SQLite
 * gives the highest rowid again once that row is gone, so an edit or a retried delete from a
 * client that had not seen the deletion landed on a different object. Each delete now raises
 * the kind's mark in `id_high_water` (migration 8), and inserts take the next id above both
 * the mark and the table's highest (`StoreContext.nextId`). PostgreSQL's identity columns
 * never give an id twice, so its counterpart changes nothing (db/postgres/schema.ts).
 */
const highWater = (table: string) => `
INSERT INTO id_high_water (name, value) SELECT '${table}', coalesce(max(id), 0) FROM ${table} WHERE true
  ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value);
CREATE TRIGGER ${table}_id_high_water AFTER DELETE ON ${table}
BEGIN
  INSERT INTO id_high_water (name, value) VALUES ('${table}', OLD.id)
    ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value);
END;
`;

export const sql = ["spans", "relations", "entities"].map(highWater).join("");
