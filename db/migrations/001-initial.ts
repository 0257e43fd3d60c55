/**
 * Migration 1: the data model of ARCHITECTURE.md §4. Offsets (`start`, `end`) count Unicode code
 * points, end-exclusive. Timestamps are ISO 8601 strings in UTC.
 */
export const sql = `
CREATE TABLE annotators (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE labels (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('quote', 'speaker', 'cue', 'entity', 'custom')),
  display_name TEXT NOT NULL,
  key TEXT,
  color TEXT NOT NULL,
  attributes TEXT NOT NULL DEFAULT '[]',
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  position INTEGER NOT NULL
);

CREATE TABLE relation_types (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  from_kind TEXT NOT NULL,
  to_kind TEXT NOT NULL
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  published_raw TEXT,
  published_iso TEXT,
  source TEXT,
  url TEXT,
  lang TEXT NOT NULL,
  text TEXT NOT NULL,
  text_sha256 TEXT NOT NULL UNIQUE,
  had_bom INTEGER NOT NULL DEFAULT 0 CHECK (had_bom IN (0, 1)),
  length INTEGER NOT NULL CHECK (length > 0),
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'done')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  aliases TEXT NOT NULL DEFAULT '[]',
  kb_id TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE spans (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  label_id INTEGER NOT NULL REFERENCES labels (id),
  start INTEGER NOT NULL CHECK (start >= 0),
  "end" INTEGER NOT NULL,
  attributes TEXT NOT NULL DEFAULT '{}',
  entity_id INTEGER REFERENCES entities (id) ON DELETE SET NULL,
  note TEXT,
  annotator_id INTEGER NOT NULL REFERENCES annotators (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ("end" > start)
);
CREATE INDEX spans_by_document ON spans (document_id, start);

CREATE TABLE relations (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  type_id INTEGER NOT NULL REFERENCES relation_types (id),
  from_span_id INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
  to_span_id INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,
  annotator_id INTEGER NOT NULL REFERENCES annotators (id),
  created_at TEXT NOT NULL
);
CREATE INDEX relations_by_document ON relations (document_id);
CREATE INDEX relations_from ON relations (from_span_id);
CREATE INDEX relations_to ON relations (to_span_id);
`;
