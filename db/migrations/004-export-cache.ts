/**
 * Migration 4: each document's native JSONL line, kept once written so that exporting a
 * large project reads lines instead of rebuilding them. Triggers drop a document's line
 * whenever anything in it changes (its row, spans, fragments, relations), and every line
 * when a label, relation type or annotator changes — so a kept line is never stale.
 */
export const sql = `
CREATE TABLE export_cache (
  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  line TEXT NOT NULL
);

CREATE TRIGGER export_cache_document_update AFTER UPDATE ON documents BEGIN
  DELETE FROM export_cache WHERE document_id = OLD.id;
END;
CREATE TRIGGER export_cache_span_insert AFTER INSERT ON spans BEGIN
  DELETE FROM export_cache WHERE document_id = NEW.document_id;
END;
CREATE TRIGGER export_cache_span_update AFTER UPDATE ON spans BEGIN
  DELETE FROM export_cache WHERE document_id IN (OLD.document_id, NEW.document_id);
END;
CREATE TRIGGER export_cache_span_delete AFTER DELETE ON spans BEGIN
  DELETE FROM export_cache WHERE document_id = OLD.document_id;
END;
CREATE TRIGGER export_cache_fragment_insert AFTER INSERT ON span_fragments BEGIN
  DELETE FROM export_cache WHERE document_id = (SELECT document_id FROM spans WHERE id = NEW.span_id);
END;
CREATE TRIGGER export_cache_fragment_delete AFTER DELETE ON span_fragments BEGIN
  DELETE FROM export_cache WHERE document_id = (SELECT document_id FROM spans WHERE id = OLD.span_id);
END;
CREATE TRIGGER export_cache_relation_insert AFTER INSERT ON relations BEGIN
  DELETE FROM export_cache WHERE document_id = NEW.document_id;
END;
CREATE TRIGGER export_cache_relation_update AFTER UPDATE ON relations BEGIN
  DELETE FROM export_cache WHERE document_id IN (OLD.document_id, NEW.document_id);
END;
CREATE TRIGGER export_cache_relation_delete AFTER DELETE ON relations BEGIN
  DELETE FROM export_cache WHERE document_id = OLD.document_id;
END;
CREATE TRIGGER export_cache_label_update AFTER UPDATE ON labels BEGIN
  DELETE FROM export_cache;
END;
CREATE TRIGGER export_cache_relation_type_update AFTER UPDATE ON relation_types BEGIN
  DELETE FROM export_cache;
END;
CREATE TRIGGER export_cache_annotator_update AFTER UPDATE ON annotators BEGIN
  DELETE FROM export_cache;
END;
`;
