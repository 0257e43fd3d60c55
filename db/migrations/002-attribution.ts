/**
 * Migration 2: the whole attribution model.
 * - `span_fragments`: the pieces of a discontinuous span (a quote split around `وأضاف:`);
 *   a contiguous span has none, and `spans.start`/`end` are its first fragment's start and
 *   last fragment's end.
 * - relations may point to an entity instead of a span (`to_entity_id`): a quote whose
 *   speaker is carried over from the previous quote has no speaker mention of its own.
 * - `history`: every annotation change as rows before and after, for undo and redo that
 *   survive a restart.
 * SQLite cannot relax a NOT NULL column in place, so `relations` is rebuilt.
 */
export const sql = `
CREATE TABLE span_fragments (
  span_id INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
  start INTEGER NOT NULL CHECK (start >= 0),
  "end" INTEGER NOT NULL,
  PRIMARY KEY (span_id, start),
  CHECK ("end" > start)
);

CREATE TABLE relations_new (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  type_id INTEGER NOT NULL REFERENCES relation_types (id),
  from_span_id INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
  to_span_id INTEGER REFERENCES spans (id) ON DELETE CASCADE,
  to_entity_id INTEGER REFERENCES entities (id) ON DELETE CASCADE,
  annotator_id INTEGER NOT NULL REFERENCES annotators (id),
  created_at TEXT NOT NULL,
  CHECK ((to_span_id IS NULL) <> (to_entity_id IS NULL))
);
INSERT INTO relations_new (id, document_id, type_id, from_span_id, to_span_id, annotator_id, created_at)
  SELECT id, document_id, type_id, from_span_id, to_span_id, annotator_id, created_at FROM relations;
DROP TABLE relations;
ALTER TABLE relations_new RENAME TO relations;
CREATE INDEX relations_by_document ON relations (document_id);
CREATE INDEX relations_from ON relations (from_span_id);
CREATE INDEX relations_to ON relations (to_span_id);
CREATE INDEX relations_to_entity ON relations (to_entity_id);

CREATE INDEX spans_by_entity ON spans (entity_id);

CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  document_id INTEGER,
  annotator_id INTEGER NOT NULL REFERENCES annotators (id),
  changes TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  created_at TEXT NOT NULL
);
`;
